public import OneWindowCore

/// A catering operator states what kind of catering it is (small restaurant, central kitchen…).
/// Only a draft rule (Tianjin's) asks for it as a licence condition, so it is a warning unless the
/// policy's `cateringSubtypeRequired` makes it an error.
///
/// Finding: a warning (an error when required) at `OperatorCategory` when the category is
/// CATERING and no subtype is given.
public struct CateringSubtypeGiven: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-010", severity: .warning, category: .food,
    summary: LocalizedText("餐饮服务经营者填写经营者类型。", "A catering operator gives its subtype."),
    message: LocalizedText("餐饮服务经营者未填写类型（如小型餐馆、中央厨房）", "a catering operator gives no subtype (such as small restaurant or central kitchen)"),
    hint: LocalizedText("请填写“餐饮服务经营者类型”，如小型餐馆。", "Give the kind of catering operator, such as a small restaurant."),
    legalBasis: LegalBasis.foodItems)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView, food.category == .catering, food.cateringSubtype == nil else { return }
    context.report(at: food.$category, value: food.category?.rawValue)
  }
}
