public import OneWindowCore

/// The operator is at least 18 on the reference date (full civil capacity).
///
/// Finding: a warning at the operator's identity document when the birth date in it makes the
/// operator younger (16- and 17-year-olds living on their own labour may still qualify).
public struct OperatorOfAge: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-011", severity: .warning, category: .identifier,
    summary: LocalizedText("经营者年满十八周岁。", "The operator is at least 18."),
    message: LocalizedText("经营者未满十八周岁", "the operator is under 18"),
    hint: LocalizedText("未成年人经营须核实其以自己的劳动收入为主要生活来源（视为完全民事行为能力人）。", "A minor must live on their own labour income to have full civil capacity; the clerk checks."),
    legalBasis: LegalBasis.capacity, stage: .review)
  public static let appliesTo: Set<PacketKind> = [
    .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let person = packet.restaurantOperator, person.document.type == .residentId,
      let age = ResidentIdNumber.age(person.document.number, on: context.asOf),
      age < context.policy.minimumOperatorAge
    else { return }
    context.report(
      LocalizedText("经营者在 \(context.asOf) 时 \(age) 周岁", "the operator is \(age) on \(context.asOf)"),
      at: person.document.node, value: person.document.number)
  }
}
