public import OneWindowCore

/// The agreement's agreed use is the activity the tenant registers.
///
/// Finding: a warning at the agreement's `Use` when it differs from the intended activity.
public struct AgreementUseMatchesActivity: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PR-006", severity: .warning, category: .premises,
    summary: LocalizedText("入驻协议约定用途与拟从事的经营活动一致。", "The agreement's use is the intended activity."),
    message: LocalizedText("入驻协议约定用途与拟从事的经营活动不一致", "the agreement's use differs from the intended activity"),
    hint: LocalizedText("核对入驻协议的约定用途；如用途不同，请出租方书面确认。", "Check the agreement's use; if it differs, get the lessor's written confirmation."),
    legalBasis: LegalBasis.premisesDocuments)
  public static let appliesTo: Set<PacketKind> = [
    .tenantRegistration, .restaurantOpening, .businessLicenceApplication, .foodLicenceApplication, .restaurantChange,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let use = packet.preFiledUse, use.agreement.use != use.activity else { return }
    context.report(
      LocalizedText(
        "协议约定用途为“\(use.agreement.use.label.zh)”，拟从事“\(use.activity.label.zh)”",
        "the agreed use is '\(use.agreement.use.label.en)', the activity '\(use.activity.label.en)'"),
      at: use.agreement.$use, value: use.agreement.use.rawValue)
  }
}
