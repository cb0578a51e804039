public import OneWindowCore

/// Approving a food track records an on-site inspection by at least the policy's number of
/// different inspectors (two by default), with a passing result — unless the registry says the
/// bundle needs none (a change touching neither premises nor layout, a cancellation). Without a
/// registry the inspection is always required.
///
/// Finding: an error at `Decision` when the inspection is missing, at `Inspection/Inspectors`
/// when there are too few, and at `Inspection/Result` when it failed.
public struct FoodApprovalInspected: Rule {
  public static let descriptor = RuleDescriptor(
    id: "RD-002", severity: .error, category: .food,
    summary: LocalizedText("准予食品经营许可须有不少于 2 名人员的现场核查且结论为符合。", "Approving a food licence needs a passed on-site inspection by at least two."),
    message: LocalizedText("准予食品经营许可缺少合格的现场核查记录", "approving the food licence lacks a passed on-site inspection"),
    hint: LocalizedText("由 2 名以上核查人员现场核查，记录结论后再作准予决定。", "Have two or more inspectors check the premises and record the result first."),
    legalBasis: LegalBasis.inspection, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.reviewDecision]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .decision(let decision) = packet, decision.decision == .approve,
      case .bundleTrack(let number, .food) = decision.subject
    else { return }
    if context.registry?.bundles[number]?.inspectionRequired == false { return }
    guard let inspection = decision.inspection else {
      context.report(at: decision.$decision, value: decision.decision.rawValue)
      return
    }
    let inspectors = Set(inspection.inspectors.map(\.staffNumber)).count
    if inspectors < context.policy.minimumInspectors {
      context.report(
        LocalizedText("现场核查人员 \(inspectors) 名，少于 \(context.policy.minimumInspectors) 名", "\(inspectors) inspectors, fewer than \(context.policy.minimumInspectors)"),
        at: inspection.$inspectors, value: String(inspectors))
    }
    if inspection.result == .fail {
      context.report(
        LocalizedText("现场核查结论为不符合，不能准予", "the inspection failed; the licence cannot be approved"),
        at: inspection.$result, value: inspection.result.rawValue)
    }
  }
}
