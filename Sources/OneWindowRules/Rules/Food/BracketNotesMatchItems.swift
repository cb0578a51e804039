public import OneWindowCore

/// Bracket notes sit on their item (2023 list): 散装熟食 on 散装食品销售 or 散装食品和预包装食品销售,
/// 冷加工糕点 and 冷荤类 on 冷食类食品制售. The 2015 note 含冷藏冷冻食品 belongs to no 2023 item and is
/// FL-016's.
///
/// Finding: an error at each item carrying a note that belongs to another item.
public struct BracketNotesMatchItems: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-007", severity: .error, category: .food,
    summary: LocalizedText("括号标注与经营项目对应。", "Bracket notes sit on the item they belong to."),
    message: LocalizedText("括号标注不属于该经营项目", "the bracket note does not belong to this item"),
    hint: LocalizedText(
      "散装熟食标注在散装食品销售或散装食品和预包装食品销售后，冷加工糕点、冷荤类标注在冷食类食品制售后。",
      "Put 散装熟食 on bulk sales (or bulk and prepackaged sales), and 冷加工糕点 or 冷荤类 on cold food."),
    legalBasis: LegalBasis.foodItems)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView else { return }
    for entry in food.items {
      for note in entry.notes where !note.isLegacy && !note.items.contains(entry.item) {
        context.report(
          LocalizedText("“\(note.label.zh)”不能标注在“\(entry.item.label.zh)”后", "'\(note.label.en)' cannot be noted on '\(entry.item.label.en)'"),
          at: entry.node, value: note.rawValue)
      }
    }
  }
}
