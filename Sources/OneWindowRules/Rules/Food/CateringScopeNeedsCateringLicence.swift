public import OneWindowCore

/// A scope with 餐饮服务 comes with a catering food licence (and its prepared-food items).
///
/// Finding: an error at the food part's `OperatorCategory` when the scope includes 餐饮服务 but
/// the food licence is a food-sales one or lists no prepared-food item.
public struct CateringScopeNeedsCateringLicence: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-002", severity: .error, category: .scope,
    summary: LocalizedText("经营范围含“餐饮服务”的，须申请餐饮服务类食品经营许可。", "A scope with 餐饮服务 needs a catering food licence."),
    message: LocalizedText("经营范围含“餐饮服务”，但食品经营许可不是餐饮服务类", "the scope includes 餐饮服务 but the food licence is not a catering one"),
    hint: LocalizedText("主体业态选“餐饮服务经营者”并填写制售类经营项目，或从经营范围中删除“餐饮服务”。", "Choose the catering category with prepared-food items, or drop 餐饮服务 from the scope."),
    legalBasis: LegalBasis.foodLicence)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView, let scope = packet.businessScope, scope.hasLicensedItem("餐饮服务")
    else { return }
    if food.category == .foodSales || !food.hasPreparedFood {
      context.report(at: food.$category, value: food.category?.rawValue)
    }
  }
}
