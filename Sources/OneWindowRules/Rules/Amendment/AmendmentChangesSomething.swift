public import OneWindowCore

/// An amendment adds or retires units, replaces or adds proofs, or adds consents.
///
/// Finding: an error at the amendment when it changes nothing.
public struct AmendmentChangesSomething: Rule {
  public static let descriptor = RuleDescriptor(
    id: "AM-001", severity: .error, category: .lifecycle,
    summary: LocalizedText("预备案变更至少包含一项变更内容。", "An amendment changes something."),
    message: LocalizedText("预备案变更没有任何变更内容", "the amendment changes nothing"),
    hint: LocalizedText("填写新增单元、停用单元、替换或新增产权证明中的至少一项。", "Add, retire or replace at least one unit or proof."),
    legalBasis: LegalBasis.bureauPolicy("市南区住所预备案——变更须有实际变更内容", "Shinan address pre-filing: an amendment changes something"), stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.preFilingAmendment]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .amendment(let amendment) = packet, !amendment.changesSomething else { return }
    context.report(at: amendment.$reason)
  }
}
