public import OneWindowCore

/// The birth date inside an 18-digit identity number is a real day, not after the reference date.
///
/// Finding: an error at each identity number whose positions 7–14 are not a real date, or a
/// date after the reference date.
public struct ResidentIdBirthDate: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-004", severity: .error, category: .identifier,
    summary: LocalizedText("身份证号码中的出生日期真实存在且不晚于基准日期。", "The birth date inside an identity number exists and is not in the future."),
    message: LocalizedText("身份证号码中的出生日期不存在", "the birth date inside the identity number does not exist"),
    hint: LocalizedText("核对身份证号码第 7 至 14 位（出生年月日）。", "Check digits 7–14 (the birth date) of the number."),
    legalBasis: LegalBasis.gb11643)
  public static let appliesTo = PacketKind.filings

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for document in packet.identityDocuments
    where ResidentIdCheckCharacter.eighteenDigitTypes.contains(document.type) && document.number.utf8.count == 18 {
      guard let birth = ResidentIdNumber.birthDate(document.number) else {
        context.report(at: document.node, value: document.number)
        continue
      }
      if birth > context.asOf {
        context.report(
          LocalizedText("身份证号码中的出生日期 \(birth) 晚于 \(context.asOf)", "the birth date \(birth) is after \(context.asOf)"),
          at: document.node, value: document.number)
      }
    }
  }
}
