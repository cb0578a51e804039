public import OneWindowCore

/// Dates of things already done (creating the packet, signing, issuing) are not after the
/// reference date.
///
/// Finding: an error at each such date after the reference date.
public struct NoFutureDates: Rule {
  public static let descriptor = RuleDescriptor(
    id: "DT-001", severity: .error, category: .dates,
    summary: LocalizedText("签署、出具、生成日期不晚于基准日期。", "Signing, issuing and creation dates are not in the future."),
    message: LocalizedText("日期晚于基准日期", "the date is after the reference date"),
    hint: LocalizedText("核对日期；尚未签署或出具的材料不能提交。", "Check the date; unsigned or unissued documents cannot be filed."),
    legalBasis: LegalBasis.truthfulness, stage: .acceptance)
  public static let appliesTo = PacketKind.filings

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for field in packet.pastDates where field.date > context.asOf {
      context.report(
        LocalizedText("日期 \(field.date) 晚于基准日期 \(context.asOf)", "\(field.date) is after the reference date \(context.asOf)"),
        at: field.node, value: field.date.description)
    }
  }
}
