public import OneWindowCore

/// The unit a packet uses belongs to the pre-filing and has not been retired.
///
/// Finding: an error at `UnitRef` when the pre-filing has no such unit or it is retired.
public struct UnitInScope: Rule {
  public static let descriptor = RuleDescriptor(
    id: "TR-002", severity: .error, category: .registry,
    summary: LocalizedText("所用单元属于该预备案且未停用。", "The unit belongs to the pre-filing and is not retired."),
    message: LocalizedText("该单元不在预备案范围内", "the unit is not within the pre-filing"),
    hint: LocalizedText("核对单元编号；需使用新单元的，请产权单位先变更预备案。", "Check the unit id; for a new unit the owner amends the pre-filing first."),
    legalBasis: LegalBasis.prefilingReuse)
  public static let appliesTo = PreFilingInForce.appliesTo
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let use = packet.preFiledUse, let record = context.registry?.preFilings[use.preFilingNumber] else { return }
    guard let unit = record.units[use.unitRef] else {
      context.report(
        LocalizedText("预备案 \(record.number) 中没有单元 \(use.unitRef)", "pre-filing \(record.number) has no unit \(use.unitRef)"),
        at: use.$unitRef, value: use.unitRef)
      return
    }
    if unit.retired {
      context.report(
        LocalizedText("单元 \(use.unitRef) 已停用", "unit \(use.unitRef) is retired"),
        at: use.$unitRef, value: use.unitRef)
    }
  }
}
