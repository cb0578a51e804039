public import OneWindowCore

/// An ordinary cancellation (not 简易注销) comes with the tax authority's clearance.
///
/// Finding: an error at `Simplified` when it is false and no `TaxClearanceRef` is given.
public struct OrdinaryCancellationTaxCleared: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CA-003", severity: .error, category: .materials,
    summary: LocalizedText("普通注销提交税务部门出具的清税证明。", "An ordinary cancellation comes with a tax clearance."),
    message: LocalizedText("普通注销缺少清税证明", "an ordinary cancellation lacks the tax clearance"),
    hint: LocalizedText("请提交税务部门出具的清税证明，并在注销申请的“清税证明”一项中注明该材料。", "Attach the tax clearance from the tax office and name it as the tax clearance in the application."),
    legalBasis: LegalBasis.ordinaryCancellation)
  public static let appliesTo: Set<PacketKind> = [.restaurantCancellation]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .cancellation(let cancellation) = packet, !cancellation.simplified, cancellation.taxClearance == nil
    else { return }
    context.report(at: cancellation.$simplified, value: "false")
  }
}
