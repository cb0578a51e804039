public import OneWindowCore

/// Declared residential premises used for business carry the unanimous consent of the
/// interested owners (住改商).
///
/// A commitment under Shandong's 2024 art. 6, not a ground the registrar examines: a warning, an
/// error only under `premisesExamination` EXAMINE.
///
/// Finding: a warning (an error under EXAMINE) at the declared premises when the consent is
/// missing or not unanimous.
public struct ResidentialUseNeedsConsent: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PR-002", severity: .warning, category: .premises,
    summary: LocalizedText("住宅改为经营性用房须经有利害关系的业主一致同意。", "Business use of a residence needs every interested owner's consent."),
    message: LocalizedText("住宅用于经营，缺少有利害关系业主一致同意的证明", "a residence used for business lacks the unanimous consent of interested owners"),
    hint: LocalizedText("请提交有利害关系业主一致同意的证明（住改商同意），同意人数须等于利害关系业主人数。", "Attach the consent of every interested owner; consenting must equal interested."),
    legalBasis: LegalBasis.cite(
      "《中华人民共和国民法典》第二百七十九条；《山东省市场主体住所（经营场所）登记管理办法》（2024）第六条（申报承诺制，Data/policy.json premisesExamination）",
      "Civil Code art. 279; Shandong measures on registered premises (2024), art. 6 (commitment; premisesExamination in Data/policy.json)"))
  public static let appliesTo = NoNuisanceTradeInResidence.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let declared = packet.declaredPremises, declared.plannedUse == .residential else { return }
    if let consent = declared.consent {
      if !consent.isUnanimous {
        context.report(
          LocalizedText(
            "\(consent.interestedOwners) 位利害关系业主中仅 \(consent.consentingOwners) 位同意",
            "only \(consent.consentingOwners) of \(consent.interestedOwners) interested owners consent"),
          at: consent.$consentingOwners, value: String(consent.consentingOwners))
      }
    } else {
      context.report(at: declared.$plannedUse, value: declared.plannedUse.rawValue)
    }
  }
}
