public import OneWindowCore

/// The food operating area fits in the premises (declared area, or the pre-filed unit's area).
///
/// Finding: a warning at `OperatingArea` when it is larger than the premises.
public struct OperatingAreaWithinPremises: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-012", severity: .warning, category: .food,
    summary: LocalizedText("食品经营使用面积不大于经营场所面积。", "The food operating area fits in the premises."),
    message: LocalizedText("食品经营使用面积大于经营场所面积", "the operating area is larger than the premises"),
    hint: LocalizedText("核对经营场所使用面积，或补充所使用的其他单元。", "Check the area, or add the other units used."),
    legalBasis: LegalBasis.premisesConditions)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView, let area = food.operatingArea, area > 0 else { return }
    var premisesArea: Double?
    switch packet.restaurantPremises {
    case .declared(let declared)?: premisesArea = declared.area
    case .preFiled(let preFiled)?:
      premisesArea = context.registry?.preFilings[preFiled.preFilingNumber]?.units[preFiled.unitRef]?.area
    case nil: premisesArea = nil
    }
    guard let premisesArea, premisesArea > 0, area > premisesArea + 0.005 else { return }
    context.report(
      LocalizedText("使用面积 \(area) 平方米大于场所面积 \(premisesArea) 平方米", "\(area) m² exceeds the premises' \(premisesArea) m²"),
      at: food.$operatingArea.or(food.node), value: String(area))
  }
}
