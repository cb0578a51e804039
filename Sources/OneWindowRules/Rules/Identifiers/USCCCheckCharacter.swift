public import OneWindowCore

/// Every 统一社会信用代码 carries the right GB 32100 check character.
///
/// Finding: an error at each USCC whose 18th character is not the check character of the first 17.
public struct USCCCheckCharacter: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-001", severity: .error, category: .identifier,
    summary: LocalizedText("统一社会信用代码的校验码正确。", "A unified social credit code has the right check character."),
    message: LocalizedText("统一社会信用代码校验码错误", "the unified social credit code's check character is wrong"),
    hint: LocalizedText("核对营业执照上的统一社会信用代码，逐位重新录入。", "Copy the code again from the licence, character by character."),
    legalBasis: LegalBasis.gb32100)
  public static let appliesTo = PacketKind.identified

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for field in packet.usccFields where !UnifiedSocialCreditCode.hasValidCheckCharacter(field.code) {
      let expected = UnifiedSocialCreditCode.checkCharacter(for: field.code.prefix(17)).map(String.init) ?? "?"
      context.report(
        LocalizedText(
          "统一社会信用代码 \(field.code) 的校验码应为 \(expected)",
          "the check character of \(field.code) should be \(expected)"),
        at: field.node, value: field.code)
    }
  }
}
