public import OneWindowCore

/// A pre-filing approval's validity ends after it starts.
///
/// Finding: an error at `Validity/ValidUntil` when it is before `ValidFrom`.
public struct ValidityWindowOrdered: Rule {
  public static let descriptor = RuleDescriptor(
    id: "RD-003", severity: .error, category: .dates,
    summary: LocalizedText("预备案有效期截止日不早于起始日。", "A pre-filing's validity ends after it starts."),
    message: LocalizedText("有效期截止日早于起始日", "the validity ends before it starts"),
    hint: LocalizedText("请更正有效期：起始日不得晚于截止日；不填写时按本局规定的默认期限。", "Correct the dates: the start may not follow the end; left out, the bureau's default period applies."),
    legalBasis: LegalBasis.bureauPolicy("预备案有效期起止日期的先后", "the order of a pre-filing's validity dates"), stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.reviewDecision]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .decision(let decision) = packet, let from = decision.validFrom, let until = decision.validUntil,
      until < from
    else { return }
    context.report(at: decision.$validUntil, value: until.description)
  }
}
