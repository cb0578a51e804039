public import OneWindowCore

/// The entry agreement (or lease) is in force on the reference date.
///
/// Finding: an error at the agreement's `TermStart` or `TermEnd` when the reference date lies
/// outside the term.
public struct AgreementCoversDate: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PR-003", severity: .error, category: .premises,
    summary: LocalizedText("入驻协议（租赁合同）期限覆盖登记日期。", "The entry agreement's term covers the registration date."),
    message: LocalizedText("入驻协议期限未覆盖登记日期", "the agreement's term does not cover the registration date"),
    hint: LocalizedText("提交在登记日期有效的入驻协议（或续签协议）。", "Submit an agreement in force on the registration date (or its renewal)."),
    legalBasis: LegalBasis.premisesDocuments)
  public static let appliesTo: Set<PacketKind> = [
    .tenantRegistration, .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for (agreement, _) in packet.agreements {
      if let start = agreement.termStart, context.asOf < start {
        context.report(
          LocalizedText("协议自 \(start) 起才生效，登记日期为 \(context.asOf)", "the agreement starts on \(start), after the registration date \(context.asOf)"),
          at: agreement.$termStart, value: start.description)
      } else if let end = agreement.termEnd, context.asOf > end {
        context.report(
          LocalizedText("协议已于 \(end) 到期，登记日期为 \(context.asOf)", "the agreement ended on \(end), before the registration date \(context.asOf)"),
          at: agreement.$termEnd, value: end.description)
      }
    }
  }
}
