public import OneWindowCore

/// An agreement's term ends after it starts, and it is signed before it ends.
///
/// Finding: an error at `TermEnd` when it is before `TermStart`, or at `SignedOn` when the
/// agreement was signed after its term ended.
public struct AgreementTermOrder: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PR-004", severity: .error, category: .premises,
    summary: LocalizedText("协议期限截止日不早于起始日，签订日期不晚于截止日。", "An agreement ends after it starts and is signed before it ends."),
    message: LocalizedText("协议期限不成立", "the agreement's term is impossible"),
    hint: LocalizedText("核对协议的起止日期与签订日期。", "Check the agreement's dates."),
    legalBasis: LegalBasis.premisesDocuments, stage: .acceptance)
  public static let appliesTo = AgreementCoversDate.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for (agreement, _) in packet.agreements {
      guard let start = agreement.termStart, let end = agreement.termEnd else { continue }
      if end < start {
        context.report(
          LocalizedText("截止日 \(end) 早于起始日 \(start)", "the term ends on \(end), before it starts on \(start)"),
          at: agreement.$termEnd, value: end.description)
      } else if let signed = agreement.signedOn, signed > end {
        context.report(
          LocalizedText("签订日期 \(signed) 晚于截止日 \(end)", "signed on \(signed), after the term ended on \(end)"),
          at: agreement.$signedOn, value: signed.description)
      }
    }
  }
}
