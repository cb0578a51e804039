public import OneWindowCore

/// No new fume-producing catering where the Air Pollution Law bans it (大气污染防治法 art. 81(2)):
/// in a 居民住宅楼 (premises whose planned use is RESIDENTIAL), or in a 商住综合楼 without a dedicated
/// smoke flue (COMMERCIAL_RESIDENTIAL premises with no SMOKE_FLUE feature). Which items produce
/// fumes is policy data (`fumeProducingItems`). The third case of the article, a commercial floor
/// next to residential floors, is not recorded in packets and is the reviewer's to check on site.
///
/// Finding: an error at the premises' planned use (or the pre-filed unit) for an opening, a food
/// licence application, or a change that moves premises or changes food items.
public struct SmokeFlueForCatering: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-013", severity: .error, category: .premises,
    summary: LocalizedText(
      "居民住宅楼、未配套专用烟道的商住综合楼内不得新建产生油烟的餐饮服务项目。",
      "No new fume-producing catering in a residential building or in a mixed building without a dedicated flue."),
    message: LocalizedText(
      "该场所依法不得新建产生油烟、异味、废气的餐饮服务项目", "the law bans new fume-producing catering at these premises"),
    hint: LocalizedText(
      "选用非住宅、设有专用烟道的场所；或只经营不产生油烟的项目（如自制饮品、简单加热）。",
      "Use non-residential premises with a dedicated flue, or apply only for items that make no fumes."),
    legalBasis: LegalBasis.cite(
      "《中华人民共和国大气污染防治法》第八十一条第二款", "Air Pollution Prevention and Control Law art. 81(2)"))
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  /// Whether a packet applies for fume-producing items as a new, rebuilt or extended project.
  static func producesFumes(_ packet: Packet, _ policy: Policy) -> Bool {
    guard let food = packet.foodView else { return false }
    if case .change(let change) = packet,
      !change.changedFields.contains(where: { [.premises, .foodItems, .layout].contains($0) })
    {
      return false
    }
    return food.items.contains { policy.fumeProducingFoodItems.contains($0.item) }
  }

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard Self.producesFumes(packet, context.policy) else { return }
    func banned(_ use: PlannedUse, _ features: Set<UnitFeature>) -> LocalizedText? {
      switch use {
      case .residential: LocalizedText("场所为居民住宅", "the premises are residential")
      case .commercialResidential where !features.contains(.smokeFlue):
        LocalizedText("商住综合楼未配套专用烟道", "a mixed building without a dedicated flue")
      default: nil
      }
    }
    switch packet.restaurantPremises {
    case .declared(let declared)?:
      if let reason = banned(declared.plannedUse, declared.features) {
        context.report(reason, at: declared.$plannedUse, value: declared.plannedUse.rawValue)
      }
    case .preFiled(let preFiled)?:
      if let unit = context.registry?.preFilings[preFiled.preFilingNumber]?.units[preFiled.unitRef],
        let reason = banned(unit.plannedUse, unit.features)
      {
        context.report(reason, at: preFiled.$unitRef, value: preFiled.unitRef)
      }
    default: break
    }
  }
}
