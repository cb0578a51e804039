public import OneWindowCore

/// How a corrected packet compares with the rejected one whose receipt it names (`Resubmits`):
/// the errors and warnings resolved, still present, and new.
///
/// Findings match by rule id and element path (line numbers move when a packet is edited).
public struct ResubmissionDiff: Sendable, Hashable, Codable {
  /// The receipt of the earlier packet.
  public var resubmits: String
  public var resolved: [Finding]
  public var stillPresent: [Finding]
  public var new: [Finding]

  public init(resubmits: String, earlier: [Finding], now: [Finding]) {
    func key(_ finding: Finding) -> String { "\(finding.ruleID)|\(finding.location.path ?? "")" }
    let relevant: (Finding) -> Bool = { $0.severity != .info }
    let before = earlier.filter(relevant)
    let after = now.filter(relevant)
    let beforeKeys = Set(before.map(key))
    let afterKeys = Set(after.map(key))
    self.resubmits = resubmits
    resolved = before.filter { !afterKeys.contains(key($0)) }
    stillPresent = after.filter { beforeKeys.contains(key($0)) }
    new = after.filter { !beforeKeys.contains(key($0)) }
  }
}
