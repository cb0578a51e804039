public import OneWindowCore

/// The licences of a 个体工商户 carry a USCC of registration department 9, category 2 (`92…`).
///
/// Finding: an error at `CurrentLicences/USCC`, or at a 个体工商户 tenant's `Tenant/USCC`, when it
/// does not start with `92`.
public struct IndividualBusinessCode: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-009", severity: .error, category: .identifier,
    summary: LocalizedText("个体工商户的统一社会信用代码以 92 开头。", "An individual business's USCC starts with 92."),
    message: LocalizedText("该统一社会信用代码不属于个体工商户（应以 92 开头）", "this USCC does not belong to an individual business (it should start with 92)"),
    hint: LocalizedText("填写本个体工商户营业执照上的统一社会信用代码。", "Give the code on this individual business's licence."),
    legalBasis: LegalBasis.gb32100)
  public static let appliesTo: Set<PacketKind> = [.restaurantChange, .restaurantCancellation, .tenantRegistration]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let current: CurrentLicences
    switch packet {
    case .change(let change): current = change.current
    case .cancellation(let cancellation): current = cancellation.current
    case .registration(let registration):
      let tenant = registration.tenant
      if tenant.entityType == .individualBusiness, let uscc = tenant.uscc, !uscc.hasPrefix("92") {
        context.report(at: tenant.$uscc, value: uscc)
      }
      return
    default: return
    }
    if !current.uscc.hasPrefix("92") {
      context.report(at: current.$uscc, value: current.uscc)
    }
  }
}
