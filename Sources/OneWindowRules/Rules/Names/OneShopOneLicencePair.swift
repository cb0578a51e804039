public import OneWindowCore

/// One shop, one licence pair: an operator may not open the same shop twice. An opening is
/// refused while the same operator holds a live opening bundle (under review, awaiting
/// correction, approved, or issued with its licences in force) for the same name or the same
/// premises.
///
/// Finding: an error at `BusinessName/FullName` (same name) or at the premises (same premises),
/// naming the bundle.
public struct OneShopOneLicencePair: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-012", severity: .error, category: .registry,
    summary: LocalizedText(
      "同一经营者不得以同一名称或同一经营场所重复申请开办。",
      "An operator does not apply twice for the same name or the same premises."),
    message: LocalizedText("该经营者已有同一名称或同一经营场所的开办办件", "this operator already has an opening for the same name or premises"),
    hint: LocalizedText(
      "请查询已有办件的进度；需要更正的，对原办件补正，不要重新提交。",
      "Follow the existing application; correct that one rather than applying again."),
    legalBasis: LegalBasis.oneShop)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .opening(let opening) = packet, let facts = context.registry else { return }
    let core = opening.core
    let operatorID = core.operatorInfo.document.number
    let premisesKey = core.premises.key
    for bundle in facts.relatedBundles where bundle.operatorIdentity == operatorID {
      if bundle.businessName == core.name.fullName {
        context.report(
          LocalizedText("经营者已以同一名称“\(bundle.businessName)”申请开办（\(bundle.number)）", "the operator already applied under this name (\(bundle.number))"),
          at: core.name.$fullName, value: bundle.number)
      } else if bundle.premisesKey == premisesKey {
        context.report(
          LocalizedText("经营者已在同一经营场所申请开办（\(bundle.number)）", "the operator already applied for these premises (\(bundle.number))"),
          at: core.premises.node, value: bundle.number)
      }
    }
  }
}
