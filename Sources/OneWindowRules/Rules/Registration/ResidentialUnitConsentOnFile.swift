public import OneWindowCore

/// A residential unit is used for business only when the pre-filing holds the owners' consent.
///
/// The consent is the owners' and the applicant's commitment under Shandong's 2024 art. 6, not
/// a ground the registrar examines: a warning, an error only under `premisesExamination` EXAMINE.
///
/// Finding: a warning (an error under EXAMINE) at `UnitRef` when the unit is residential and no
/// unanimous consent is on file.
public struct ResidentialUnitConsentOnFile: Rule {
  public static let descriptor = RuleDescriptor(
    id: "TR-006", severity: .warning, category: .registry,
    summary: LocalizedText("使用住宅单元经营的，预备案中有利害关系业主一致同意证明。", "A residential unit is used only with the owners' consent on file."),
    message: LocalizedText("住宅单元没有利害关系业主一致同意的备案", "no owners' consent is on file for the residential unit"),
    hint: LocalizedText("请产权单位在预备案中补充该单元的住改商同意证明。", "Ask the owner to add the unit's consent to the pre-filing."),
    legalBasis: LegalBasis.cite(
      "《中华人民共和国民法典》第二百七十九条；《山东省市场主体住所（经营场所）登记管理办法》（2024）第六条（申报承诺制，Data/policy.json premisesExamination）",
      "Civil Code art. 279; Shandong measures on registered premises (2024), art. 6 (commitment; premisesExamination in Data/policy.json)"), stage: .review)
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
