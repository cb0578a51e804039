public import OneWindowCore

/// 简易注销 is not open to a business on the abnormal-operation list or the list of serious
/// violations and dishonesty, one whose licence was revoked (吊销) or that was ordered closed
/// (责令关闭) or cancelled (撤销), or one with pending cases (条例 art 33 ¶4, 细则 art 48). The
/// registry holds no credit database: the applicant declares, and the clerk records a check of
/// the lists when approving (`CA-004`).
///
/// Finding: an error at `Simplified` (or at the declaration that rules it out), naming the
/// condition; a simplified cancellation that leaves the two newer declarations out gets a
/// warning, for the clerk's check to settle.
public struct SimplifiedCancellationAllowed: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CA-001", severity: .error, category: .lifecycle,
    summary: LocalizedText(
      "列入经营异常名录或严重违法失信名单、被吊销营业执照或责令关闭、撤销，或有未结案件的，不适用简易注销。",
      "No simplified cancellation while on the abnormal-operation or serious-dishonesty list, after revocation, closure or cancellation, or with pending cases."),
    message: LocalizedText("不符合简易注销条件", "simplified cancellation is not available"),
    hint: LocalizedText(
      "改为普通注销（提交清税证明），或先移出名录、了结案件；状态如实声明，登记机关将核查。",
      "Use ordinary cancellation (with tax clearance), or first leave the list or close the cases; declare the status truly, the registrar checks it."),
    legalBasis: LegalBasis.simplifiedCancellation)
  public static let appliesTo: Set<PacketKind> = [.restaurantCancellation]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .cancellation(let cancellation) = packet, cancellation.simplified else { return }
    let status = cancellation.status
    if status.inAbnormalOperationList {
      context.report(
        LocalizedText("列入经营异常名录的个体工商户不得简易注销", "a business on the abnormal-operation list may not use simplified cancellation"),
        at: cancellation.$simplified, value: "true")
    }
    if status.pendingCases {
      context.report(
        LocalizedText("有未结案件（被立案调查或涉诉）的不得简易注销", "a business with pending cases may not use simplified cancellation"),
        at: cancellation.$simplified, value: "true")
    }
    if status.onSeriousDishonestyList == true {
      context.report(
        LocalizedText("列入严重违法失信名单的不得简易注销", "a business on the serious-dishonesty list may not use simplified cancellation"),
        at: status.$onSeriousDishonestyList, value: "true")
    }
    if status.revokedClosedOrCancelled == true {
      context.report(
        LocalizedText("被吊销营业执照、责令关闭或撤销的不得简易注销", "a business whose licence was revoked, or that was ordered closed or cancelled, may not use simplified cancellation"),
        at: status.$revokedClosedOrCancelled, value: "true")
    }
    if status.onSeriousDishonestyList == nil || status.revokedClosedOrCancelled == nil {
      context.report(
        LocalizedText(
          "未声明是否列入严重违法失信名单、是否被吊销、责令关闭或撤销，由登记机关核查后记录",
          "the status does not declare the serious-dishonesty list or a revocation, closure or cancellation; the registrar checks and records it"),
        at: status.node.or(cancellation.$simplified), severity: .warning)
    }
  }
}
