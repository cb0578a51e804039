public import OneWindowCore

/// 简易注销 is refused while fines are unpaid or interests are frozen or pledged.
///
/// Finding: an error at `Simplified` naming the condition.
public struct SimplifiedCancellationClean: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CA-002", severity: .error, category: .lifecycle,
    summary: LocalizedText("有未缴清罚没款或财产权益被冻结、出质的，不适用简易注销。", "No simplified cancellation with unpaid fines or frozen interests."),
    message: LocalizedText("不符合简易注销条件", "simplified cancellation is not available"),
    hint: LocalizedText("缴清罚没款、解除冻结或出质后再申请，或改为普通注销。", "Pay the fines or lift the freeze first, or use ordinary cancellation."),
    legalBasis: LegalBasis.simplifiedCancellation)
  public static let appliesTo: Set<PacketKind> = [.restaurantCancellation]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .cancellation(let cancellation) = packet, cancellation.simplified else { return }
    if cancellation.status.unpaidFines {
      context.report(
        LocalizedText("有未缴清的罚没款", "fines are unpaid"), at: cancellation.$simplified, value: "true")
    }
    if cancellation.status.frozenOrPledged {
      context.report(
        LocalizedText("财产权益被冻结或出质", "interests are frozen or pledged"), at: cancellation.$simplified, value: "true")
    }
  }
}
