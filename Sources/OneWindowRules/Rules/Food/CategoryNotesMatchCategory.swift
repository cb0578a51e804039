public import OneWindowCore

/// The bracket notes after the operator category (主体业态) fit it: 批发 follows a food seller,
/// 中央厨房 and 集体用餐配送 a catering operator or canteen, 学校食堂 and 托幼机构食堂 a canteen,
/// 自动设备 any category; and a catering operator whose subtype is 中央厨房 or 集体用餐配送单位 carries
/// that note, so the licence face shows it (2023 measures, SAMR order 78).
///
/// Finding: an error at each `CategoryNote` that does not fit the category, and at
/// `OperatorCategory` when the central-kitchen or group-meal-delivery note is missing.
public struct CategoryNotesMatchCategory: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-017", severity: .error, category: .food,
    summary: LocalizedText(
      "主体业态后的括号标注与主体业态相符：中央厨房、集体用餐配送单位须标注。",
      "Bracket notes on the operator category fit it; central kitchens and group-meal delivery are noted."),
    message: LocalizedText("主体业态的括号标注与主体业态不符", "the bracket note does not fit the operator category"),
    hint: LocalizedText(
      "批发标注在食品销售经营者后；中央厨房、集体用餐配送标注在餐饮服务经营者或集中用餐单位食堂后；学校食堂、托幼机构食堂标注在集中用餐单位食堂后。中央厨房、集体用餐配送单位须在主体业态后标注。",
      "Wholesale goes on a food seller; central kitchen and group-meal delivery on a catering operator or canteen; school and childcare canteens on a canteen. A central kitchen or group-meal delivery unit must carry its note."),
    legalBasis: LegalBasis.foodCategories,
    effectiveFrom: CivilDate(year: 2023, month: 12, day: 1))
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication]

  /// The note a catering subtype must carry.
  static let requiredNotes: [CateringSubtype: OperatorCategoryNote] = [
    .centralKitchen: .centralKitchen, .groupMealDelivery: .groupMealDelivery,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView, let category = food.category else { return }
    for entry in food.categoryNotes where !entry.note.categories.contains(category) {
      context.report(
        LocalizedText(
          "“\(entry.note.label.zh)”不能标注在“\(category.label.zh)”后", "'\(entry.note.label.en)' cannot be noted on '\(category.label.en)'"),
        at: entry.node, value: entry.note.rawValue)
    }
    if category == .catering, let subtype = food.cateringSubtype, let required = Self.requiredNotes[subtype],
      !food.categoryNotes.contains(where: { $0.note == required })
    {
      context.report(
        LocalizedText(
          "\(subtype.label.zh)应当在主体业态后标注“\(required.label.zh)”", "a \(subtype.label.en.lowercased()) notes '\(required.label.en)' on its category"),
        at: food.$category, value: subtype.rawValue)
    }
  }
}
