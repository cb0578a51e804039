public import OneWindowCore

/// The lessor of the entry agreement is the pre-filing's owner.
///
/// Finding: an error at the agreement's `Lessor` when its name or identity differs from the
/// owner's.
public struct LessorIsOwner: Rule {
  public static let descriptor = RuleDescriptor(
    id: "TR-003", severity: .error, category: .registry,
    summary: LocalizedText("入驻协议的出租方为预备案的产权单位。", "The agreement's lessor is the pre-filing's owner."),
    message: LocalizedText("出租方不是预备案的产权单位", "the lessor is not the pre-filing's owner"),
    hint: LocalizedText("由产权单位签订入驻协议；转租的请提交产权单位同意转租的证明并按常规方式登记。", "The owner signs the agreement; a sublease goes the ordinary way with the owner's consent."),
    legalBasis: LegalBasis.prefilingReuse)
  public static let appliesTo = PreFilingInForce.appliesTo
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let use = packet.preFiledUse, let record = context.registry?.preFilings[use.preFilingNumber] else { return }
    let lessor = use.agreement.lessor
    if lessor.identity.number != record.ownerIdentity || lessor.name != record.ownerName {
      context.report(
        LocalizedText(
          "出租方“\(lessor.name)”（\(lessor.identity.number)）不是产权单位“\(record.ownerName)”（\(record.ownerIdentity)）",
          "the lessor \(lessor.name) (\(lessor.identity.number)) is not the owner \(record.ownerName) (\(record.ownerIdentity))"),
        at: lessor.node, value: lessor.identity.number)
    }
  }
}
