public import OneWindowCore

/// Every staff member's health certificate is valid on the reference date.
///
/// Finding: an error at the certificate when it is not yet issued or already expired then.
public struct HealthCertificateValid: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-008", severity: .error, category: .food,
    summary: LocalizedText("从业人员健康证明在基准日期有效。", "Every staff health certificate is valid on the reference date."),
    message: LocalizedText("从业人员健康证明不在有效期内", "a staff health certificate is not valid"),
    hint: LocalizedText("请该人员取得有效的健康证明后再上岗，并更新材料。", "The person needs a valid health certificate before working; update the material."),
    legalBasis: LegalBasis.health)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView else { return }
    for member in food.staff {
      let health = member.health
      if let validUntil = health.validUntil, validUntil < context.asOf {
        context.report(
          LocalizedText("\(member.name)的健康证明已于 \(validUntil) 过期", "\(member.name)'s health certificate expired on \(validUntil)"),
          at: health.$validUntil, value: validUntil.description)
      } else if let issuedOn = health.issuedOn, issuedOn > context.asOf {
        context.report(
          LocalizedText("\(member.name)的健康证明出具日期 \(issuedOn) 晚于 \(context.asOf)", "\(member.name)'s health certificate is dated \(issuedOn), after \(context.asOf)"),
          at: health.$issuedOn, value: issuedOn.description)
      }
    }
  }
}
