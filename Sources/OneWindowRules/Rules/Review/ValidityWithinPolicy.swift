public import OneWindowCore

/// A pre-filing approval's validity is no longer than the policy allows (`preFilingValidityYears`
/// in `Data/policy.json`): it ends at the latest the day before the same date that many years on.
///
/// Finding: an error at `Validity/ValidUntil` when it ends later.
public struct ValidityWithinPolicy: Rule {
  public static let descriptor = RuleDescriptor(
    id: "RD-004", severity: .error, category: .dates,
    summary: LocalizedText("预备案有效期不超过规定的最长期限。", "A pre-filing's validity is not longer than the policy allows."),
    message: LocalizedText("有效期超过规定的最长期限", "the validity is longer than the policy allows"),
    hint: LocalizedText(
      "请把截止日改在本局规定的最长有效期限以内。",
      "End the validity within the longest period the bureau allows."),
    legalBasis: LegalBasis.review, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.reviewDecision]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .decision(let decision) = packet, let until = decision.validUntil else { return }
    let from = decision.validFrom ?? context.asOf
    let latest = from.adding(years: context.policy.preFilingValidityYears).adding(days: -1)
    guard until > latest else { return }
    context.report(
      LocalizedText("有效期截止日 \(until) 晚于最长期限 \(latest)", "the validity ends \(until), after the latest allowed \(latest)"),
      at: decision.$validUntil, value: until.description)
  }
}
