public import OneWindowCore

/// Items and bracket notes come from the 2023 list (SAMR order 78, in force 2023-12-01): the
/// 2015 items 特殊食品销售, 其他类食品销售 and 其他类食品制售 and the 2015 note 含冷藏冷冻食品 are
/// not on it. They stay decodable for licences issued before; a new application or change may not
/// use them. 预包装食品销售 is FL-015's.
///
/// Finding: an error at each 2015 item (`@code`) and at each item carrying a 2015 note.
public struct ItemsOn2023List: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-016", severity: .error, category: .food,
    summary: LocalizedText(
      "经营项目和括号标注使用 2023 年目录，不使用已停用的 2015 年项目。",
      "Items and bracket notes come from the 2023 list, not the retired 2015 one."),
    message: LocalizedText("该经营项目或标注是 2015 年目录的，2023 年目录已不再设置", "the item or note is from the 2015 list, which the 2023 list replaced"),
    hint: LocalizedText(
      "按 2023 年目录选择：食品销售（散装食品销售、散装食品和预包装食品销售），餐饮服务（热食类、冷食类、生食类、半成品、自制饮品制售），食品经营管理（食品销售连锁管理、餐饮服务连锁管理、餐饮服务管理）；括号标注只有散装熟食、冷加工糕点、冷荤类。",
      "Choose from the 2023 list: sales (bulk; bulk and prepackaged), catering (hot, cold, raw, semi-finished, own beverages), management (sales chain, catering chain, catering management); the only bracket notes are bulk cooked food, cold pastry and cold meat."),
    legalBasis: LegalBasis.foodItems,
    effectiveFrom: CivilDate(year: 2023, month: 12, day: 1),
    // An item the list no longer has is a malformed application, answered at acceptance.
    stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView else { return }
    for entry in food.items {
      if entry.item.isLegacy, entry.item != .prepackagedSales {
        context.report(
          LocalizedText(
            "“\(entry.item.label.zh)”是 2015 年目录的经营项目，2023 年目录已不再设置",
            "'\(entry.item.label.en)' is a 2015 item no longer on the 2023 list"),
          at: entry.$item, value: entry.item.rawValue)
      }
      for note in entry.notes where note.isLegacy {
        context.report(
          LocalizedText(
            "括号标注“\(note.label.zh)”是 2015 年目录的，2023 年目录已不再设置",
            "the bracket note '\(note.label.en)' is from the 2015 list, no longer in the 2023 one"),
          at: entry.node, value: note.rawValue)
      }
    }
  }
}
