public import OneWindowCore

/// The business scope has at least one item.
///
/// Finding: an error at `BusinessScope` when neither licensed nor general items are given.
public struct ScopeNotEmpty: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-010", severity: .error, category: .scope,
    summary: LocalizedText("经营范围至少有一项。", "The business scope has at least one item."),
    message: LocalizedText("经营范围为空", "the business scope is empty"),
    hint: LocalizedText("按经营范围规范表述填写许可项目或一般项目，如“餐饮服务”。", "Add licensed or general items in the catalogue's wording, such as 餐饮服务."),
    legalBasis: LegalBasis.scope, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [
    .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    if let scope = packet.businessScope, scope.allItems.isEmpty {
      context.report(at: scope.node)
    }
  }
}
