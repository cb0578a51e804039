public import OneWindowCore

/// Each food business item is listed once.
///
/// Finding: an error at each repeated item.
public struct ItemsNotDuplicated: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-011", severity: .error, category: .food,
    summary: LocalizedText("经营项目不重复。", "Each food business item is listed once."),
    message: LocalizedText("经营项目重复", "the item is listed twice"),
    hint: LocalizedText("删除重复的经营项目，括号标注合并到一处。", "Remove the repeat and keep all bracket notes on one item."),
    legalBasis: LegalBasis.foodItems, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView else { return }
    var seen: Set<FoodItem> = []
    for entry in food.items where !seen.insert(entry.item).inserted {
      context.report(
        LocalizedText("经营项目“\(entry.item.label.zh)”重复", "'\(entry.item.label.en)' is listed twice"),
        at: entry.$item, value: entry.item.rawValue)
    }
  }
}
