public import OneWindowCore

/// 简易注销 is refused to a business listed as operating abnormally or with pending cases.
///
/// Finding: an error at `Simplified` naming the condition that rules it out.
public struct SimplifiedCancellationAllowed: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CA-001", severity: .error, category: .lifecycle,
    summary: LocalizedText("列入经营异常名录或有未结案件的，不适用简易注销。", "No simplified cancellation while listed as abnormal or with pending cases."),
    message: LocalizedText("不符合简易注销条件", "simplified cancellation is not available"),
    hint: LocalizedText("改为普通注销（提交清税证明），或先移出经营异常名录、了结案件。", "Use ordinary cancellation (with tax clearance), or first leave the list or close the cases."),
    legalBasis: LegalBasis.simplifiedCancellation)
  public static let appliesTo: Set<PacketKind> = [.restaurantCancellation]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .cancellation(let cancellation) = packet, cancellation.simplified else { return }
    if cancellation.status.inAbnormalOperationList {
      context.report(
        LocalizedText("列入经营异常名录的个体工商户不得简易注销", "a business on the abnormal-operation list may not use simplified cancellation"),
        at: cancellation.$simplified, value: "true")
    }
    if cancellation.status.pendingCases {
      context.report(
        LocalizedText("有未结案件（被立案调查或涉诉）的不得简易注销", "a business with pending cases may not use simplified cancellation"),
        at: cancellation.$simplified, value: "true")
    }
  }
}
