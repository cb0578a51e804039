public import OneWindowCore

/// A catering food licence (餐饮服务经营者 or 单位食堂) comes with 餐饮服务 among the licensed scope items.
///
/// Finding: an error at `BusinessScope` when the food part asks for catering and the scope's
/// licensed items lack 餐饮服务.
public struct CateringNeedsCateringScope: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-001", severity: .error, category: .scope,
    summary: LocalizedText("申请餐饮类食品经营许可的，经营范围含许可项目“餐饮服务”。", "A catering food licence comes with 餐饮服务 in the licensed scope."),
    message: LocalizedText("申请餐饮服务食品经营许可，但经营范围的许可项目中没有“餐饮服务”", "a catering food licence is requested but the licensed scope lacks 餐饮服务"),
    hint: LocalizedText("在经营范围许可项目中加入“餐饮服务”。", "Add 餐饮服务 to the licensed scope items."),
    legalBasis: LegalBasis.foodLicence)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView, let scope = packet.businessScope,
      food.category == .catering || food.category == .canteen, !scope.hasLicensedItem("餐饮服务")
    else { return }
    context.report(at: scope.node)
  }
}
