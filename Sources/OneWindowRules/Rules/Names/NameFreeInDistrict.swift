public import OneWindowCore

/// A name is not taken: no other operator holds a live opening or licences in force in the
/// district under the same 字号 in the same 行业 (the 个体工商户 name rules: one registration
/// authority, one trade, one name).
///
/// Finding: an error at `BusinessName/TradeName`, naming the bundle that holds the name.
public struct NameFreeInDistrict: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-013", severity: .error, category: .registry,
    summary: LocalizedText(
      "在本登记机关辖区内，同行业的字号不得与已登记或正在申请的名称相同。",
      "In the district, a trade name in the same trade is not already registered or applied for."),
    message: LocalizedText("同行业已有相同字号的名称", "the trade name is taken in this trade"),
    hint: LocalizedText("另选字号，或在字号中加入区别于已登记名称的文字。", "Choose another trade name, or one that differs from the registered name."),
    legalBasis: LegalBasis.individualName)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .opening(let opening) = packet, let facts = context.registry else { return }
    let name = opening.core.name
    let operatorID = opening.core.operatorInfo.document.number
    guard let holder = facts.relatedBundles.first(where: {
      $0.operatorIdentity != operatorID && $0.tradeName == name.tradeName && $0.industry == name.industry
    }) else { return }
    context.report(
      LocalizedText(
        "字号“\(name.tradeName)”在\(name.industry)行业已由“\(holder.businessName)”使用（\(holder.number)）",
        "the trade name is already used in this trade by \(holder.number)"),
      at: name.$tradeName, value: holder.number)
  }
}
