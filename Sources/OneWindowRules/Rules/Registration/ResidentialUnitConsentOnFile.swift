public import OneWindowCore

/// A residential unit is used for business only when the pre-filing holds the owners' consent.
///
/// Finding: an error at `UnitRef` when the unit is residential and no unanimous consent is on file.
public struct ResidentialUnitConsentOnFile: Rule {
  public static let descriptor = RuleDescriptor(
    id: "TR-006", severity: .error, category: .registry,
    summary: LocalizedText("使用住宅单元经营的，预备案中有利害关系业主一致同意证明。", "A residential unit is used only with the owners' consent on file."),
    message: LocalizedText("住宅单元没有利害关系业主一致同意的备案", "no owners' consent is on file for the residential unit"),
    hint: LocalizedText("请产权单位在预备案中补充该单元的住改商同意证明。", "Ask the owner to add the unit's consent to the pre-filing."),
    legalBasis: LegalBasis.residential)
  public static let appliesTo = PreFilingInForce.appliesTo
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let use = packet.preFiledUse, let unit = context.registry?.preFilings[use.preFilingNumber]?.units[use.unitRef],
      unit.plannedUse == .residential, !unit.hasResidentialConsent
    else { return }
    context.report(at: use.$unitRef, value: use.unitRef)
  }
}
