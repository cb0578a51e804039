public import OneWindowCore

/// Residential premises (住宅) hosting catering that makes no fumes (drinks, cold food, simple
/// heating): the law does not ban it (fume-producing catering is FL-013's), but it disturbs the
/// neighbours the 民法典 protects, so the clerk is warned (bureau policy).
///
/// Finding: a warning at the declared premises' `PlannedUse` when it is RESIDENTIAL and food is
/// prepared there without fume-producing items.
public struct NoNuisanceTradeInResidence: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PR-001", severity: .warning, category: .premises,
    summary: LocalizedText("住宅内的不产生油烟的餐饮经营提示核查扰民情况。", "Catering without fumes in a residence is flagged for the neighbours' sake."),
    message: LocalizedText("规划用途为住宅的场所从事餐饮服务，须核查扰民情况", "catering in a residential unit; check the disturbance to neighbours"),
    hint: LocalizedText("核实有利害关系业主的意见与经营时段；产生油烟的项目在住宅内依法不得开办（FL-013）。", "Check the interested owners' views and opening hours; fume-producing items are banned in residences (FL-013)."),
    legalBasis: LegalBasis.bureauPolicy("住宅内餐饮经营的扰民核查；参见《中华人民共和国民法典》第二百七十九条", "disturbance check for catering in residences; see Civil Code art. 279"))
  public static let appliesTo: Set<PacketKind> = [
    .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let declared = packet.declaredPremises, declared.plannedUse == .residential else { return }
    let catering = packet.foodView.map { $0.hasPreparedFood || $0.category == .catering } ?? true
    let fumes = packet.foodView?.items.contains { context.policy.fumeProducingFoodItems.contains($0.item) } ?? false
    guard catering, !fumes else { return }
    context.report(at: declared.$plannedUse, value: declared.plannedUse.rawValue)
  }
}
