public import OneWindowCore

/// Hot-food catering premises have a dedicated smoke flue.
///
/// Finding: a warning at the premises when hot food is prepared there and the declared or
/// pre-filed unit has no SMOKE_FLUE feature.
public struct SmokeFlueForCatering: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-013", severity: .warning, category: .premises,
    summary: LocalizedText("制售热食类食品的场所设有专用烟道。", "Premises cooking hot food have a dedicated smoke flue."),
    message: LocalizedText("经营场所未登记专用烟道，不宜从事产生油烟的餐饮服务", "the premises have no recorded smoke flue for cooking fumes"),
    hint: LocalizedText("选用设有专用烟道的场所，或由产权单位补充烟道设施情况。", "Use premises with a smoke flue, or have the owner record one."),
    legalBasis: LegalBasis.cite(
      "《中华人民共和国大气污染防治法》第八十一条；住所登记对未配套专用烟道场所的限制（天津等地规定，见 Data/policy.json）",
      "Air Pollution Law art. 81; premises without a dedicated flue may not host fume-producing catering (Tianjin and others; Data/policy.json)"))
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard context.policy.cateringNeedsSmokeFlue, let food = packet.foodView, food.items.contains(where: { $0.item == .hotFood })
    else { return }
    switch packet.restaurantPremises {
    case .declared(let declared)? where !declared.features.contains(.smokeFlue):
      context.report(at: declared.node)
    case .preFiled(let preFiled)?:
      if let registered = context.registry?.preFilings[preFiled.preFilingNumber]?.units[preFiled.unitRef],
        !registered.features.contains(.smokeFlue)
      {
        context.report(at: preFiled.$unitRef, value: preFiled.unitRef)
      }
    default: break
    }
  }
}
