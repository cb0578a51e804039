public import OneWindowCore

/// Retiring a unit that still hosts tenants is flagged for the clerk.
///
/// Finding: a warning at each retired unit with active tenancies.
public struct RetiringOccupiedUnit: Rule {
  public static let descriptor = RuleDescriptor(
    id: "AM-005", severity: .warning, category: .registry,
    summary: LocalizedText("停用仍有在册主体的单元时予以提示。", "Retiring a unit that still hosts tenants is flagged."),
    message: LocalizedText("停用的单元仍有在册经营主体", "the retired unit still hosts registered entities"),
    hint: LocalizedText("通知在册主体办理住所变更，或待其迁出后再停用单元。", "Tell the tenants to change their address, or retire the unit after they leave."),
    legalBasis: LegalBasis.bureauPolicy("市南区住所预备案——有在册入驻主体的单元不得撤下", "Shinan address pre-filing: a unit with registered tenants is not retired"))
  public static let appliesTo: Set<PacketKind> = [.preFilingAmendment]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .amendment(let amendment) = packet,
      let record = context.registry?.preFilings[amendment.preFilingNumber]
    else { return }
    for retirement in amendment.retireUnits {
      guard let unit = record.units[retirement.unitRef], unit.activeTenancies > 0 else { continue }
      context.report(
        LocalizedText("单元 \(unit.id) 仍有 \(unit.activeTenancies) 个在册主体", "unit \(unit.id) still hosts \(unit.activeTenancies)"),
        at: retirement.$unitRef, value: unit.id)
    }
  }
}
