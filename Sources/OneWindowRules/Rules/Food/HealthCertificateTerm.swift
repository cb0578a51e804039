public import OneWindowCore

/// A health certificate runs no longer than a year (staff are examined every year).
///
/// Finding: a warning at `ValidUntil` when it is more than the policy's maximum days after
/// `IssuedOn`, or before it.
public struct HealthCertificateTerm: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-009", severity: .warning, category: .food,
    summary: LocalizedText("健康证明有效期不超过一年。", "A health certificate runs at most one year."),
    message: LocalizedText("健康证明的有效期超过一年或早于出具日期", "the health certificate runs more than a year, or ends before it starts"),
    hint: LocalizedText("核对健康证明的出具日期与有效期；从业人员每年应进行健康检查。", "Check the dates; staff are examined every year."),
    legalBasis: LegalBasis.health)
  public static let appliesTo = HealthCertificateValid.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView else { return }
    for member in food.staff {
      guard let issuedOn = member.health.issuedOn, let validUntil = member.health.validUntil else { continue }
      let days = issuedOn.days(until: validUntil)
      if days < 0 || days > context.policy.healthCertificateMaxDays {
        context.report(
          LocalizedText("\(member.name)的健康证明有效期为 \(days) 天", "\(member.name)'s health certificate runs \(days) days"),
          at: member.health.$validUntil, value: validUntil.description)
      }
    }
  }
}
