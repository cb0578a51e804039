public import OneWindowCore

/// A change is applied for within 30 days of the change happening.
///
/// Finding: a warning at `ChangedOn` when the packet was filed (its creation date, else the
/// reference date) later than that.
public struct ChangeFiledInTime: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CH-003", severity: .warning, category: .dates,
    summary: LocalizedText("自变更事由发生之日起 30 日内申请变更登记。", "A change is applied for within 30 days."),
    message: LocalizedText("变更登记申请超过 30 日期限", "the change is applied for later than 30 days after it happened"),
    hint: LocalizedText("逾期申请的，窗口应核实原因；今后请在变更发生后 30 日内办理。", "The clerk notes the delay; apply within 30 days in future."),
    legalBasis: LegalBasis.cite(
      "《市场主体登记管理条例》第二十四条第一款（登记事项）、第二十九条（备案事项）", "Market-entity registration regulation, arts 24(1) (registered items) and 29 (filed items)"))
  public static let appliesTo: Set<PacketKind> = [.restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .change(let change) = packet, let changedOn = change.changedOn else { return }
    let filedOn = change.header.createdOn ?? context.asOf
    let days = changedOn.days(until: filedOn)
    if days > context.policy.changeFilingDeadlineDays {
      context.report(
        LocalizedText("变更发生于 \(changedOn)，\(filedOn) 才申请，相隔 \(days) 日", "the change happened on \(changedOn) and was filed on \(filedOn), \(days) days later"),
        at: change.$changedOn, value: changedOn.description)
    }
  }
}
