public import OneWindowCore

/// A unit takes no more entities than its capacity (一址多照).
///
/// Finding: an error at `UnitRef` when the unit's active tenancies already fill its capacity.
public struct UnitCapacity: Rule {
  public static let descriptor = RuleDescriptor(
    id: "TR-004", severity: .error, category: .registry,
    summary: LocalizedText("单元已登记主体数未达到可登记主体数。", "The unit has a free place."),
    message: LocalizedText("该单元可登记主体数已满", "the unit is full"),
    hint: LocalizedText("选择其他单元，或请产权单位变更预备案增加单元。", "Choose another unit, or ask the owner to add one."),
    legalBasis: LegalBasis.multiLicence)
  public static let appliesTo = PreFilingInForce.appliesTo
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let use = packet.preFiledUse, let unit = context.registry?.preFilings[use.preFilingNumber]?.units[use.unitRef],
      unit.activeTenancies >= unit.capacity
    else { return }
    context.report(
      LocalizedText(
        "单元 \(use.unitRef) 可登记 \(unit.capacity) 户，已登记 \(unit.activeTenancies) 户",
        "unit \(use.unitRef) holds \(unit.capacity) and already has \(unit.activeTenancies)"),
      at: use.$unitRef, value: use.unitRef)
  }
}
