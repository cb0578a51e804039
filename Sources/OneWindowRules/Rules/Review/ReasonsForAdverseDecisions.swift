public import OneWindowCore

/// Rejections, correction requests and revocations give reasons (一次性告知).
///
/// Finding: an error at `Decision` when such a decision gives no reason.
public struct ReasonsForAdverseDecisions: Rule {
  public static let descriptor = RuleDescriptor(
    id: "RD-001", severity: .error, category: .lifecycle,
    summary: LocalizedText("不予、补正、撤销决定须说明理由。", "Adverse decisions give reasons."),
    message: LocalizedText("不予、补正或撤销决定未说明理由", "the decision gives no reason"),
    hint: LocalizedText("请在决定的“理由”中一次性列明全部理由，可引用规则编号。", "List every reason at once among the decision's reasons, citing rule ids."),
    legalBasis: LegalBasis.review, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.reviewDecision]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .decision(let decision) = packet, decision.decision != .approve, decision.reasons.isEmpty else { return }
    context.report(at: decision.$decision, value: decision.decision.rawValue)
  }
}
