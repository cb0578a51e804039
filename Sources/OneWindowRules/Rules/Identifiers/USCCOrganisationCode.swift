public import OneWindowCore

/// The organisation code inside a 统一社会信用代码 (positions 9–17) has a valid GB 11714 check.
///
/// Finding: a warning at each USCC whose 17th character is not the organisation-code check of
/// positions 9–16. A warning only: some historic codes were issued without it.
public struct USCCOrganisationCode: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-002", severity: .warning, category: .identifier,
    summary: LocalizedText("统一社会信用代码中的组织机构代码校验正确。", "The organisation code inside a USCC checks."),
    message: LocalizedText("统一社会信用代码第 9 至 17 位的组织机构代码校验不符", "positions 9–17 of the USCC do not form a valid organisation code"),
    hint: LocalizedText("请核对统一社会信用代码；如确为登记机关核发的代码，可忽略此警告。", "Check the code; if it is what the registrar issued, this warning can be ignored."),
    legalBasis: LegalBasis.gb11714)
  public static let appliesTo = PacketKind.identified

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for field in packet.usccFields
    where UnifiedSocialCreditCode.hasValidCheckCharacter(field.code)
      && !UnifiedSocialCreditCode.hasValidOrganisationCode(field.code)
    {
      context.report(at: field.node, value: field.code)
    }
  }
}
