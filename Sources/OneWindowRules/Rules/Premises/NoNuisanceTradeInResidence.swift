public import OneWindowCore

/// Residential premises (住宅) do not host catering or other nuisance trades.
///
/// Finding: an error at the declared premises' `PlannedUse` when it is RESIDENTIAL and food is
/// prepared there (catering).
public struct NoNuisanceTradeInResidence: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PR-001", severity: .error, category: .premises,
    summary: LocalizedText("住宅不得用于餐饮等扰民经营。", "Residences do not host catering or other nuisance trades."),
    message: LocalizedText("规划用途为住宅的场所不得从事餐饮服务", "a residential unit may not host catering"),
    hint: LocalizedText("餐饮服务须使用规划用途为商业等非住宅的场所。", "Catering needs commercial (non-residential) premises."),
    legalBasis: LegalBasis.residentialNuisance)
  public static let appliesTo: Set<PacketKind> = [
    .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let declared = packet.declaredPremises, declared.plannedUse == .residential else { return }
    let catering = packet.foodView.map { $0.hasPreparedFood || $0.category == .catering } ?? true
    guard catering else { return }
    context.report(at: declared.$plannedUse, value: declared.plannedUse.rawValue)
  }
}
