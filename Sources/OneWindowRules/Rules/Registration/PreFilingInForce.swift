public import OneWindowCore

/// The pre-filing a packet uses is in the registry and in force on the reference date.
///
/// Finding: an error at the pre-filing number when it is unknown, not yet approved, revoked,
/// withdrawn, expired, or outside its validity window.
public struct PreFilingInForce: Rule {
  public static let descriptor = RuleDescriptor(
    id: "TR-001", severity: .error, category: .registry,
    summary: LocalizedText("所引用的住所预备案存在且在登记日期有效。", "The pre-filing used exists and is in force on the registration date."),
    message: LocalizedText("住所预备案不存在或不在有效期内", "the pre-filing does not exist or is not in force"),
    hint: LocalizedText("核对预备案编号；预备案失效的，请产权单位重新备案或按常规方式提交住所证明。", "Check the number; if it lapsed, the owner files again, or submit full premises proofs."),
    legalBasis: LegalBasis.prefilingReuse)
  public static let appliesTo: Set<PacketKind> = [
    .tenantRegistration, .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let use = packet.preFiledUse else { return }
    guard let record = context.registry?.preFilings[use.preFilingNumber] else {
      context.report(
        LocalizedText("登记库中没有住所预备案 \(use.preFilingNumber)", "no pre-filing \(use.preFilingNumber) in the registry"),
        at: use.$preFilingNumber, value: use.preFilingNumber)
      return
    }
    guard !record.isInForce(on: context.asOf) else { return }
    let state: LocalizedText
    if record.status == .active, let validUntil = record.validUntil, context.asOf > validUntil {
      state = LocalizedText("已于 \(validUntil) 到期", "expired on \(validUntil)")
    } else if record.status == .active, let validFrom = record.validFrom {
      state = LocalizedText("自 \(validFrom) 起生效", "in force only from \(validFrom)")
    } else {
      state = LocalizedText("状态为“\(record.status.label.zh)”", "is \(record.status.label.en)")
    }
    context.report(
      LocalizedText("住所预备案 \(use.preFilingNumber) \(state.zh)", "pre-filing \(use.preFilingNumber) \(state.en)"),
      at: use.$preFilingNumber, value: use.preFilingNumber)
  }
}
