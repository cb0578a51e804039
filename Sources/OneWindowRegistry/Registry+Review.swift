import Foundation
import OneWindowCore
import OneWindowRules
import OneWindowStore

extension Track {
  /// The track whose reviewer judges a review finding: the food licence's rules (`FL-`) go to
  /// the food track, everything else to the business licence's.
  static func reviewing(_ finding: Finding, definition: BundleDefinition? = nil, tracks: [Track] = []) -> Track {
    if let definition {
      // A declared check is judged by its track's reviewer; anything else by the reviewer of the
      // bundle's first track (a change may not have the definition's first).
      return definition.checks.first { $0.id == finding.ruleID }?.track ?? tracks.sorted().first ?? definition.tracks.first?.id
        ?? .business
    }
    return finding.ruleID.rawValue.hasPrefix("FL-") || finding.category == .food ? .food : .business
  }
}

extension RuleID {
  /// The rule a clerk's reason cites: its leading rule id (`FL-006 …`, `CA-004：…`), if any.
  static func cited(by reason: String) -> RuleID? {
    let lead = RuleID(String(reason.prefix { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }))
    return lead.isRuleShaped ? lead : nil
  }
}

extension Registry {
  /// The review errors (审查) still open on a submission: the error findings judged in review on
  /// the receipt that accepted it, only those of `track` when one is given.
  func openReviewErrors(
    receipt: String?, track: Track?, definition: BundleDefinition? = nil, tracks: [Track] = [], in transaction: RegistryTransaction
  ) throws -> [Finding] {
    try reviewFindings(receipt: receipt, in: transaction).filter { finding in
      finding.severity == .error && (track.map { Track.reviewing(finding, definition: definition, tracks: tracks) == $0 } ?? true)
    }
  }

  /// The review-stage findings on the receipt that accepted a submission.
  func reviewFindings(receipt: String?, in transaction: RegistryTransaction) throws -> [Finding] {
    guard let receipt, let row = try transaction.receipt(receipt),
      let body = try? JSONDecoder().decode(Receipt.self, from: Data(row.body.utf8))
    else { return [] }
    return body.findings.filter { $0.stage == .review && $0.notEvaluated == nil }
  }

  /// An approval over open review errors needs, per rule, a reason that starts with its id;
  /// each rule left unanswered refuses the approval (`RG-009`). The answered ones are noted for
  /// the audit event.
  func requireAnswered(_ open: [Finding], by reasons: [String], _ operation: inout Operation) {
    let answered = Set(reasons.compactMap { RuleID.cited(by: $0)?.rawValue })
    var seen = Set<RuleID>()
    for finding in open where seen.insert(finding.ruleID).inserted {
      let id = finding.ruleID.rawValue
      if answered.contains(id) {
        operation.answeredReviewErrors.append(finding.ruleID)
      } else {
        operation.refuse(
          RegistryRules.reviewFindingsAnswered,
          LocalizedText(
            "审查错误 \(id)（\(finding.message.zh)）未说明准予理由",
            "review error \(id) (\(finding.message.en)) has no recorded reason for approving"),
          value: id)
      }
    }
  }
}
