public import OneWindowCore

/// Rules about registry operations rather than packet contents: who may act, and whether the
/// record's state allows the operation. Their findings appear on refused receipts.
public enum RegistryRules {

  public static let actorMayAct = RuleDescriptor(
    id: "RG-001", severity: .error, category: .registry,
    summary: LocalizedText("操作人有权进行该操作。", "The actor may perform the operation."),
    message: LocalizedText("操作人无权进行该操作", "the actor may not perform this operation"),
    hint: LocalizedText("审查、撤销由窗口工作人员办理；变更、撤回由预备案的产权单位办理。", "Clerks review and revoke; the pre-filing's owner amends and withdraws."),
    legalBasis: LegalBasis.bureauPolicy("办理人的角色与身份（见 PRODUCT.md 角色表）", "who may act in which role (PRODUCT.md's role table)"))

  public static let fourEyes = RuleDescriptor(
    id: "RG-002", severity: .error, category: .registry,
    summary: LocalizedText("录入与审批由不同工作人员完成。", "The clerk who approves is not the one who entered the packet."),
    message: LocalizedText("审批人与录入人为同一工作人员", "the approving clerk entered this packet"),
    hint: LocalizedText("由另一名工作人员审查并作出决定（帮办代办的录入人不得自审）。", "Another clerk reviews and decides."),
    legalBasis: LegalBasis.bureauPolicy("审批分离，录入人不自审", "the clerk who entered a packet does not decide it"))

  public static let stateAllows = RuleDescriptor(
    id: "RG-003", severity: .error, category: .registry,
    summary: LocalizedText("办件当前状态允许该操作。", "The record's state allows the operation."),
    message: LocalizedText("当前状态不允许该操作", "the record's state does not allow this operation"),
    hint: LocalizedText("刷新后查看办件的最新状态；另一名工作人员可能已作出决定。", "Check the record's current state; another clerk may have decided it."),
    legalBasis: LegalBasis.bureauPolicy("办件按状态流转", "records move through their states in order"))

  public static let subjectExists = RuleDescriptor(
    id: "RG-004", severity: .error, category: .registry,
    summary: LocalizedText("所办理的办件存在。", "The record the operation names exists."),
    message: LocalizedText("登记库中没有该办件", "the registry holds no such record"),
    hint: LocalizedText("核对预备案编号、办件编号或回执编号。", "Check the pre-filing, case or receipt number."),
    legalBasis: LegalBasis.bureauPolicy("所办理的办件须在登记库中", "an operation names a record the registry holds"))

  public static let packetKindFits = RuleDescriptor(
    id: "RG-005", severity: .error, category: .packet,
    summary: LocalizedText("数据包类型与所办业务相符。", "The packet is of the kind the operation takes."),
    message: LocalizedText("数据包类型与所办业务不符", "the packet is not of the kind this operation takes"),
    hint: LocalizedText("例如预备案提交住所预备案数据包，入驻登记提交入驻登记数据包。", "For example, an address pre-filing to pre-filing submission, a tenant registration to registration."),
    legalBasis: LegalBasis.cite("OneWindow 数据包规范 v1", "OneWindow packet specification v1"))

  public static let resubmitsRejected = RuleDescriptor(
    id: "RG-006", severity: .warning, category: .registry,
    summary: LocalizedText("补正数据包所称的原回执存在，且退回了数据包或其办件正待补正。", "A resubmission names a receipt that refused a packet or whose record awaits correction."),
    message: LocalizedText("补正所引用的回执不存在、未退回且其办件不在待补正状态", "the receipt a resubmission names is unknown, refused nothing and its record awaits no correction"),
    hint: LocalizedText("请在数据包的“所更正数据包的回执编号”一项中填写被退回时的回执编号。", "Give the number of the receipt that refused the earlier packet as the receipt this one corrects."),
    legalBasis: LegalBasis.correction)

  public static let notADuplicate = RuleDescriptor(
    id: "RG-007", severity: .error, category: .registry,
    summary: LocalizedText("同一数据包未曾被受理过。", "The same packet was not accepted before."),
    message: LocalizedText("该数据包已被受理，不能重复提交", "this packet was already accepted"),
    hint: LocalizedText("请查看原回执；需要修改的，提交新的数据包（使用新的数据包编号）。", "See the earlier receipt; to change something, submit a new packet with a new packet id."),
    legalBasis: LegalBasis.bureauPolicy("同一数据包不重复受理", "one packet is accepted once"))

  /// A warning, never a refusal: a deadline or working-day count that needs a holiday schedule
  /// not yet published is counted Monday to Friday, recorded as provisional, and completed
  /// when the year's file is added (it used to refuse the write).
  public static let calendarPublished = RuleDescriptor(
    id: "RG-008", severity: .warning, category: .registry,
    summary: LocalizedText(
      "计算期限所需年份的工作日安排已公布；未公布的，期限暂定，公布后补全。",
      "The working-day schedule of the years a deadline spans is published; if not, the deadline is provisional until it is."),
    message: LocalizedText("工作日日历未收录所需年份，期限暂按周一至周五计算", "the working-day calendar lacks a year it needs; the deadline is counted Monday to Friday for now"),
    hint: LocalizedText(
      "无需申请人处理：国务院办公厅公布该年节假日安排、本局加入该年日历后，暂定的期限随下一次办理自动补全。",
      "Nothing for the applicant to do: once the State Council publishes the year's holidays and the bureau adds that calendar, provisional dates are completed by the next write."),
    legalBasis: LegalBasis.cite("《中华人民共和国行政许可法》第八十二条；《全国年节及纪念日放假办法》", "Administrative Licensing Law art. 82; national holiday measures"))

  /// Approving over an open review error: the reviewer records, per rule, why the condition is
  /// met or does not apply (a `Reason` whose `RuleRef` names it); otherwise the approval is refused.
  public static let reviewFindingsAnswered = RuleDescriptor(
    id: "RG-009", severity: .error, category: .registry,
    summary: LocalizedText(
      "准予时，每一项未消除的审查错误都有记录在案的理由。",
      "An approval over an open review error records a reason for each such finding."),
    message: LocalizedText("准予许可但未说明审查错误的处理理由", "the approval leaves a review error without a recorded reason"),
    hint: LocalizedText(
      "逐条说明理由（以规则编号开头，如“FL-004 仅加热成品，按简化审查”），或作出不予许可、要求补正的决定。",
      "Give a reason per rule, starting with its id (\"FL-004 only reheats finished food: simplified review\"), or reject or request correction."),
    legalBasis: LegalBasis.cite(
      "《中华人民共和国行政许可法》第三十四条、第三十八条（审查与决定，不予许可须说明理由）；准予时逐条记录理由为本局规定",
      "Administrative Licensing Law arts. 34, 38 (review and decision); recording a reason per finding when approving is bureau policy"))

  /// The registry holds no credit database: approving the business track of a simplified
  /// cancellation needs the clerk's recorded check of the exclusions (a reason starting `CA-004`).
  public static let exclusionsChecked = RuleDescriptor(
    id: "CA-004", severity: .error, category: .lifecycle,
    summary: LocalizedText(
      "准予简易注销前，工作人员记录对经营异常名录、严重违法失信名单及吊销、责令关闭、撤销情况的核查。",
      "Before approving a simplified cancellation the clerk records a check of the abnormal-operation and serious-dishonesty lists and of revocation, closure or cancellation."),
    message: LocalizedText("简易注销准予前未记录核查", "no recorded check before approving a simplified cancellation"),
    hint: LocalizedText(
      "在国家企业信用信息公示系统等核查后，以“CA-004 ”开头写明核查结果（如“CA-004 已查询，未列入名录，无吊销记录”）再准予；查有情形的，不予办理。",
      "Check the national credit publicity system and give the result as a reason starting with \"CA-004 \"; reject when an exclusion applies."),
    legalBasis: LegalBasis.cite(
      "《市场主体登记管理条例》第三十三条第四款；《市场主体登记管理条例实施细则》第四十八条",
      "Market-entity registration regulation, art. 33 ¶4; implementing rules, art. 48"),
    stage: .acceptance)

  public static let all: [RuleDescriptor] = [
    actorMayAct, fourEyes, stateAllows, subjectExists, packetKindFits, resubmitsRejected, notADuplicate,
    calendarPublished, reviewFindingsAnswered, exclusionsChecked,
  ]
}
