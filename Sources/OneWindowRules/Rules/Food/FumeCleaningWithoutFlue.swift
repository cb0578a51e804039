public import OneWindowCore

/// Fume-producing catering where no dedicated flue is recorded, outside the cases FL-013 bans:
/// the operator must fit and use fume-cleaning equipment so fumes meet the standard
/// (大气污染防治法 art. 81(1)), which the reviewer checks on site.
///
/// Finding: a warning at the premises when the policy's `cateringNeedsSmokeFlue` is on, a
/// fume-producing item is applied for, and the declared or pre-filed unit has no SMOKE_FLUE.
public struct FumeCleaningWithoutFlue: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-014", severity: .warning, category: .premises,
    summary: LocalizedText(
      "产生油烟的餐饮服务场所设有专用烟道，或安装油烟净化设施达标排放。",
      "Fume-producing catering has a dedicated flue, or fume-cleaning equipment meeting the standard."),
    message: LocalizedText(
      "经营场所未登记专用烟道，须核查油烟净化设施", "no dedicated flue is recorded; the fume-cleaning equipment needs checking"),
    hint: LocalizedText(
      "在场所设施中登记专用烟道，或在布局图中标明油烟净化设施，由核查人员现场确认。",
      "Record the flue, or show the fume-cleaning equipment on the layout plan for the inspectors."),
    legalBasis: LegalBasis.cite(
      "《中华人民共和国大气污染防治法》第八十一条第一款", "Air Pollution Prevention and Control Law art. 81(1)"))
  public static let appliesTo = SmokeFlueForCatering.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard context.policy.cateringNeedsSmokeFlue, SmokeFlueForCatering.producesFumes(packet, context.policy) else { return }
    func outsideTheBan(_ use: PlannedUse) -> Bool { use != .residential && use != .commercialResidential }
    switch packet.restaurantPremises {
    case .declared(let declared)? where outsideTheBan(declared.plannedUse) && !declared.features.contains(.smokeFlue):
      context.report(at: declared.node)
    case .preFiled(let preFiled)?:
      if let unit = context.registry?.preFilings[preFiled.preFilingNumber]?.units[preFiled.unitRef],
        outsideTheBan(unit.plannedUse), !unit.features.contains(.smokeFlue)
      {
        context.report(at: preFiled.$unitRef, value: preFiled.unitRef)
      }
    default: break
    }
  }
}
