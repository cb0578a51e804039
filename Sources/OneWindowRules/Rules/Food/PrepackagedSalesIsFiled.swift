public import OneWindowCore

/// Selling prepackaged food is no longer a licensed item: since the 2021 amendment of the 食品安全法
/// (art. 35(1)) 仅销售预包装食品 needs no licence but a filing (备案), and the 2023 measures (arts 4
/// and 5) add that a licensee who also sells prepackaged food files nothing more. The 2015 item
/// 预包装食品销售 (`PREPACKAGED_SALES`) stays decodable for licences already issued; a new
/// application or change may not ask for it.
///
/// Finding: an error at each `PREPACKAGED_SALES` item; the message says whether the packet sells
/// only prepackaged food (file instead of applying) or holds other items (drop it, or apply for
/// 散装食品和预包装食品销售 when bulk food is sold too).
public struct PrepackagedSalesIsFiled: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-015", severity: .error, category: .food,
    summary: LocalizedText(
      "仅销售预包装食品实行备案，不得作为许可经营项目申请。",
      "Selling only prepackaged food is filed, not licensed; it is no licence item."),
    message: LocalizedText(
      "“预包装食品销售”不是许可经营项目：仅销售预包装食品的应当备案", "'sale of prepackaged food' is no licence item: selling only prepackaged food is filed"),
    hint: LocalizedText(
      "只销售预包装食品的，向市场监管部门办理备案，不申请食品经营许可；同时经营其他项目的，删除该项目（取得许可后销售预包装食品无需另行备案），兼售散装食品的选“散装食品和预包装食品销售”。",
      "If you sell only prepackaged food, file it with the market regulator instead of applying for a licence; otherwise remove the item (a licensee sells prepackaged food without a filing), or choose 'sale of bulk and prepackaged food' if you also sell bulk food."),
    legalBasis: LegalBasis.prepackagedFiling,
    effectiveFrom: CivilDate(year: 2021, month: 4, day: 29),
    // 行政许可法 art 32(1)(i): a matter that needs no licence is not accepted, the applicant is told at once.
    stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView else { return }
    let onlyPrepackaged = food.items.allSatisfy { $0.item == .prepackagedSales }
    for entry in food.items where entry.item == .prepackagedSales {
      context.report(
        onlyPrepackaged
          ? LocalizedText(
            "仅销售预包装食品不需要取得食品经营许可，应当办理备案", "selling only prepackaged food needs no food licence but a filing")
          : LocalizedText(
            "“预包装食品销售”不是许可经营项目：取得许可后销售预包装食品无需另行备案",
            "'sale of prepackaged food' is no licence item: a licensee sells prepackaged food without a filing"),
        at: entry.$item, value: entry.item.rawValue)
    }
  }
}
