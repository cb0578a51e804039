public import OneWindowCore

/// A food seller (食品销售经营者) lists only sales items (and 食品销售连锁管理); prepared food and
/// catering management need a catering category (2023 list: 食品销售, 餐饮服务, 食品经营管理).
///
/// Finding: an error at each catering or catering-management item of a food-sales licence.
public struct ItemsMatchCategory: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-003", severity: .error, category: .food,
    summary: LocalizedText("经营项目与主体业态相符：食品销售经营者不得申请制售类项目。", "Items match the category: a food seller has no prepared-food items."),
    message: LocalizedText("食品销售经营者不得申请食品制售类经营项目", "a food seller may not hold prepared-food items"),
    hint: LocalizedText("制作加工食品请选择主体业态“餐饮服务经营者”。", "For prepared food, choose the catering category."),
    legalBasis: LegalBasis.foodItems)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication]

  /// What a food seller may hold: the sales items (the 2015 ones are FL-015's and FL-016's) and
  /// the management of a sales chain.
  static func suitsFoodSeller(_ item: FoodItem) -> Bool { item.isSold || item == .salesChainManagement }

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView, food.category == .foodSales else { return }
    for entry in food.items where !Self.suitsFoodSeller(entry.item) {
      context.report(
        LocalizedText("食品销售经营者不得申请“\(entry.item.label.zh)”", "a food seller may not hold '\(entry.item.label.en)'"),
        at: entry.$item, value: entry.item.rawValue)
    }
  }
}
