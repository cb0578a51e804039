public import OneWindowCore

/// Only the pre-filing's owner amends or withdraws it.
///
/// Finding: an error at `Owner` when the identity differs from the registered owner's.
public struct OwnerMatchesPreFiling: Rule {
  public static let descriptor = RuleDescriptor(
    id: "AM-002", severity: .error, category: .registry,
    summary: LocalizedText("变更或撤回预备案的是其产权单位。", "The owner of a pre-filing is the one who amends or withdraws it."),
    message: LocalizedText("申请人不是该预备案的产权单位", "the applicant is not the pre-filing's owner"),
    hint: LocalizedText("由预备案的产权单位提出变更或撤回。", "The pre-filing's owner files the amendment or withdrawal."),
    legalBasis: LegalBasis.cite(
      "本局工作规则（非法定条款）：市南区住所预备案由产权单位本人变更；《山东省市场主体住所（经营场所）登记管理办法》（2024）第六条第二款",
      "Bureau policy (no statutory article): the owner amends its own pre-filing; Shandong measures on registered premises (2024), art. 6(2)"))
  public static let appliesTo: Set<PacketKind> = [.preFilingAmendment, .preFilingWithdrawal]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let number: String
    let owner: Party
    switch packet {
    case .amendment(let amendment): (number, owner) = (amendment.preFilingNumber, amendment.owner)
    case .withdrawal(let withdrawal): (number, owner) = (withdrawal.preFilingNumber, withdrawal.owner)
    default: return
    }
    guard let record = context.registry?.preFilings[number], record.ownerIdentity != owner.identity.number else { return }
    context.report(
      LocalizedText("\(owner.identity.number) 不是预备案 \(number) 的产权单位", "\(owner.identity.number) does not own pre-filing \(number)"),
      at: owner.node, value: owner.identity.number)
  }
}
