public import OneWindowCore

/// A 居民身份证号 (and a Hong Kong, Macao or Taiwan residence permit number, same layout) carries
/// the right GB 11643 check character.
///
/// Finding: an error at each such identity document whose last character is wrong.
public struct ResidentIdCheckCharacter: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-003", severity: .error, category: .identifier,
    summary: LocalizedText("公民身份号码（含港澳台居民居住证号码）的校验码正确。", "A resident identity number (also on residence permits) has the right check character."),
    message: LocalizedText("身份证号码校验码错误", "the identity number's check character is wrong"),
    hint: LocalizedText("核对身份证件，重新录入号码；末位为 X 时请用大写。", "Copy the number again from the card; write a final X in capitals."),
    legalBasis: LegalBasis.gb11643)
  public static let appliesTo = PacketKind.filings

  static let eighteenDigitTypes: Set<IdDocumentType> = [.residentId, .hkMoResidence, .twResidence]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for document in packet.identityDocuments
    where Self.eighteenDigitTypes.contains(document.type) && document.number.count == 18
      && !ResidentIdNumber.hasValidCheckCharacter(document.number)
    {
      let expected = ResidentIdNumber.checkCharacter(for: document.number.prefix(17)).map(String.init) ?? "?"
      context.report(
        LocalizedText(
          "身份证号码 \(document.number) 的校验码应为 \(expected)",
          "the check character of \(document.number) should be \(expected)"),
        at: document.node, value: document.number)
    }
  }
}
