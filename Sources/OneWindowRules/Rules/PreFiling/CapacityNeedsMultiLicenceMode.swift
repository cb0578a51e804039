public import OneWindowCore

/// A unit that may host several entities (一址多照) sits in premises with a multi-licence mode.
///
/// Finding: an error at a unit's `Capacity` above 1 when the premises' mode is absent or NONE.
public struct CapacityNeedsMultiLicenceMode: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-006", severity: .error, category: .premises,
    summary: LocalizedText("可登记主体数大于 1 的单元须声明一址多照方式。", "A unit for several entities needs a multi-licence mode."),
    message: LocalizedText("单元可登记多个主体，但场所未声明一址多照方式", "the unit may host several entities but the premises declare no multi-licence mode"),
    hint: LocalizedText("请在场所信息中填写“一址多照方式”（共享办公、集群注册或集中办公区），或将可登记经营主体数改为 1。", "State in the premises how one address hosts several entities (shared office, cluster registration or central office area), or set the number of entities to 1."),
    legalBasis: LegalBasis.multiLicence)
  public static let appliesTo: Set<PacketKind> = [.preFiling]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .preFiling(let filing) = packet else { return }
    let mode = filing.premises.multiLicenceMode ?? MultiLicenceMode.none
    guard mode == MultiLicenceMode.none else { return }
    for unit in filing.units where unit.capacity > 1 {
      context.report(at: unit.$capacity, value: String(unit.capacity))
    }
  }
}
