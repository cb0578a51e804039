public import OneWindowCore

/// A pre-filing is amended or withdrawn only while it exists and is in force.
///
/// Finding: an error at `PreFilingNumber` when the pre-filing is unknown, revoked, withdrawn or
/// expired.
public struct PreFilingOpenForChange: Rule {
  public static let descriptor = RuleDescriptor(
    id: "AM-003", severity: .error, category: .registry,
    summary: LocalizedText("被变更或撤回的预备案存在且有效。", "The pre-filing being amended or withdrawn exists and is in force."),
    message: LocalizedText("该预备案不存在或已失效，不能变更或撤回", "the pre-filing does not exist or has ended"),
    hint: LocalizedText("已撤销、撤回或失效的预备案不能变更，请重新提交预备案。", "An ended pre-filing cannot change; file a new one."),
    legalBasis: LegalBasis.bureauPolicy("市南区住所预备案——仅在用的预备案可以变更", "Shinan address pre-filing: only a pre-filing in force is amended"))
  public static let appliesTo: Set<PacketKind> = [.preFilingAmendment, .preFilingWithdrawal]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let number: String
    let node: NodeRef
    switch packet {
    case .amendment(let amendment): (number, node) = (amendment.preFilingNumber, amendment.$preFilingNumber)
    case .withdrawal(let withdrawal): (number, node) = (withdrawal.preFilingNumber, withdrawal.$preFilingNumber)
    default: return
    }
    guard let record = context.registry?.preFilings[number] else {
      context.report(
        LocalizedText("登记库中没有住所预备案 \(number)", "no pre-filing \(number) in the registry"),
        at: node, value: number)
      return
    }
    if [.revoked, .withdrawn, .expired, .rejected].contains(record.status) {
      context.report(
        LocalizedText("预备案 \(number) \(record.status.label.zh)", "pre-filing \(number) is \(record.status.label.en)"),
        at: node, value: number)
    }
  }
}
