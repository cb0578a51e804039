public import OneWindowCore

/// A pre-filed unit whose planned use is residential carries a unanimous 住改商 consent.
///
/// Finding: an error at the unit when no consent names it, or at the consent when it is not
/// unanimous.
public struct ResidentialUnitsNeedConsent: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-004", severity: .error, category: .premises,
    summary: LocalizedText("规划用途为住宅的备案单元须附利害关系业主一致同意证明。", "A residential unit carries the unanimous consent of interested owners."),
    message: LocalizedText("住宅单元缺少利害关系业主一致同意的证明", "the residential unit lacks the unanimous consent of interested owners"),
    hint: LocalizedText("请为该单元提交住改商同意证明，或不将该单元纳入预备案。", "Attach the owners' consent to commercial use for the unit, or leave the unit out."),
    legalBasis: LegalBasis.residential, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.preFiling, .preFilingAmendment]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let units: [Unit]
    let consents: [ResidentialConsent]
    switch packet {
    case .preFiling(let filing): (units, consents) = (filing.units, filing.consents)
    case .amendment(let amendment): (units, consents) = (amendment.addUnits, amendment.consents)
    default: return
    }
    for consent in consents where !consent.isUnanimous {
      context.report(
        LocalizedText(
          "单元 \(consent.unitRef)：\(consent.interestedOwners) 位利害关系业主中仅 \(consent.consentingOwners) 位同意",
          "unit \(consent.unitRef): only \(consent.consentingOwners) of \(consent.interestedOwners) owners consent"),
        at: consent.$consentingOwners, value: String(consent.consentingOwners))
    }
    let consented = Set(consents.map(\.unitRef))
    for unit in units where unit.plannedUse == .residential && !consented.contains(unit.id) {
      context.report(
        LocalizedText("住宅单元 \(unit.id) 没有利害关系业主同意证明", "residential unit \(unit.id) has no owners' consent"),
        at: unit.$id, value: unit.id)
    }
  }
}
