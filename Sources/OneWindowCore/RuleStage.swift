/// When a finding is judged: at acceptance (受理) or in review (审查).
///
/// 行政许可法 art 32 limits acceptance to jurisdiction and complete, well-formed materials (with a
/// one-time notice of what is missing); art 34 puts the substantive conditions in review. A write
/// refuses only on acceptance errors; review findings go before the track's reviewer, who
/// approves over an open review error only with a recorded reason for it (`RG-009`).
public enum RuleStage: String, Sendable, Hashable, CodedInJSON, Comparable {
  /// 受理: jurisdiction, complete and well-formed materials, the registry's own integrity.
  case acceptance
  /// 审查: substantive conditions, judged by the reviewer of the finding's track.
  case review

  public var label: LocalizedText {
    switch self {
    case .acceptance: LocalizedText("受理", "Acceptance")
    case .review: LocalizedText("审查", "Review")
    }
  }

  public static func < (lhs: RuleStage, rhs: RuleStage) -> Bool { lhs == .acceptance && rhs == .review }

  /// The stage a rule of `category` belongs to unless its descriptor says otherwise: the form of
  /// the packet, its identifiers and materials at acceptance; names, scope, food conditions,
  /// premises, dates and lifecycle conditions in review.
  public static func usual(for category: FindingCategory) -> RuleStage {
    switch category {
    case .wellFormedness, .schema, .security, .packet, .identifier, .materials, .registry: .acceptance
    case .name, .scope, .food, .premises, .dates, .lifecycle, .definition: .review
    }
  }
}
