public import OneWindowCore

/// 半成品制售 is only for a 中央厨房 — a restriction the 2023 measures (SAMR order 78) brought in,
/// so the rule is in force from 2023-12-01 (brief §3.1).
///
/// Finding: an error at the `SEMI_FINISHED` item when the catering subtype is not CENTRAL_KITCHEN.
public struct SemiFinishedOnlyCentralKitchen: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-006", severity: .error, category: .food,
    summary: LocalizedText("半成品制售仅限中央厨房申请。", "Semi-finished food is for central kitchens only."),
    message: LocalizedText("半成品制售仅限中央厨房", "semi-finished food is for central kitchens only"),
    hint: LocalizedText("删除“半成品制售”，或在确为中央厨房时选择相应的餐饮服务经营者类型。", "Remove the item, or choose the central-kitchen subtype if that is what it is."),
    legalBasis: LegalBasis.cite(
      "《食品经营许可和备案管理办法》（2023）：半成品制售仅限中央厨房", "Food licensing measures (2023): semi-finished food only for central kitchens"),
    effectiveFrom: CivilDate(year: 2023, month: 12, day: 1))
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView, food.cateringSubtype != .centralKitchen else { return }
    for entry in food.items where entry.item == .semiFinished {
      context.report(at: entry.$item, value: entry.item.rawValue)
    }
  }
}
