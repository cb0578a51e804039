import Foundation
public import OneWindowCore
import OneWindowRegistry

/// Words for the codes the registry records (operations on receipts — ``Receipt/operationLabel(_:)``
/// —, audit actions, version kinds, actors), so text and HTML never show `prefile.submit` or `clerk 0001` to a person.
/// JSON and XML keep the codes.
public enum ActivityLabels {
  static let labels: [String: LocalizedText] = [
    // Audit actions about records.
    "prefiling.submitted": LocalizedText("预备案已提交", "pre-filing submitted"),
    "prefiling.submit-rejected": LocalizedText("预备案提交被退回", "pre-filing submission refused"),
    "prefiling.approved": LocalizedText("预备案已通过", "pre-filing approved"),
    "prefiling.rejected": LocalizedText("预备案不予通过", "pre-filing rejected"),
    "prefiling.correction-requested": LocalizedText("预备案待补正", "pre-filing correction requested"),
    "prefiling.amended": LocalizedText("预备案已变更", "pre-filing amended"),
    "prefiling.withdrawn": LocalizedText("预备案已撤回", "pre-filing withdrawn"),
    "prefiling.revoked": LocalizedText("预备案已撤销", "pre-filing revoked"),
    "tenancy.registered": LocalizedText("入驻已登记", "tenancy registered"),
    "bundle.accepted": LocalizedText("一件事已受理", "bundle accepted"),
    "bundle.resubmitted": LocalizedText("补正后重新提交", "bundle resubmitted"),
    "bundle.track-approved": LocalizedText("单项已通过", "track approved"),
    "bundle.track-rejected": LocalizedText("单项不予通过", "track rejected"),
    "bundle.approved": LocalizedText("一件事已通过", "bundle approved"),
    "bundle.rejected": LocalizedText("一件事不予通过", "bundle rejected"),
    "bundle.correction-requested": LocalizedText("一件事待补正", "bundle correction requested"),
    "bundle.issued": LocalizedText("证照已发放", "licences issued"),
    "bundle.pushed": LocalizedText("简易注销已推送有关部门", "simplified cancellation pushed to departments"),
    "bundle.objection-recorded": LocalizedText("部门异议已记录", "department objection recorded"),
    "bundle.dates-completed": LocalizedText("暂定日期已补全", "provisional dates completed"),
    "licence.business-ended": LocalizedText("营业执照已注销", "business licence ended"),
    "licence.food-ended": LocalizedText("食品经营许可证已注销", "food licence ended"),
    "account.added": LocalizedText("账号已添加", "account added"),
    "account.disabled": LocalizedText("账号已停用", "account disabled"),
    "account.enabled": LocalizedText("账号已启用", "account enabled"),
    "account.password-reset": LocalizedText("口令已重置", "password reset"),
    "registry.baseline": LocalizedText("登记库状态基线", "registry baseline"),
    // Version kinds.
    "submitted": LocalizedText("提交", "submitted"),
    "amended": LocalizedText("变更", "amended"),
    "resubmitted": LocalizedText("补正", "resubmitted"),
  ]

  /// An operation's words (as the printed 回执 says them), else an action's or a version kind's.
  static func words(_ code: String) -> LocalizedText? { Receipt.operationLabel(code) ?? labels[code] }

  /// The words for a code in a language; `.refused` and `.not-run` suffixes (audit actions of
  /// refused writes) are said too. An unknown code is shown as it is.
  public static func label(_ code: String, in language: Language) -> String {
    if let label = words(code) { return label.text(in: language) }
    for (suffix, note) in [(".refused", LocalizedText("（不予办理）", " (refused)")), (".not-run", LocalizedText("（无法办理）", " (could not run)"))]
    where code.hasSuffix(suffix) {
      if let label = self.words(String(code.dropLast(suffix.count))) { return label.text(in: language) + note.text(in: language) }
    }
    return code
  }

  /// "clerk 0001" (an audit entry's actor) as "审批窗口工作人员 0001".
  public static func actor(_ text: String, in language: Language) -> String {
    guard let space = text.firstIndex(of: " "), let role = ActorRole(rawValue: text[..<space].uppercased()) else { return text }
    return role.label.text(in: language) + text[space...]
  }

  /// A code of any of the schemas' code lists (`COMMERCIAL`, `PREMISES_CERTIFICATE`) by its label.
  public static func code<List: CodeList>(_ raw: String, as list: List.Type, in language: Language) -> String {
    List(rawValue: raw)?.label.text(in: language) ?? raw
  }

  /// Words for the keys of an audit event's detail (`receipt=…; track=FOOD; state=…`).
  static let detailKeys: [String: LocalizedText] = [
    "receipt": LocalizedText("回执", "receipt"), "submission": LocalizedText("提交回执", "submission"),
    "account": LocalizedText("账号", "account"), "centre": LocalizedText("服务中心", "centre"),
    "request": LocalizedText("请求", "request"), "state": LocalizedText("状态摘要", "state"),
    "track": LocalizedText("审批线", "track"), "tracks": LocalizedText("审批线", "tracks"),
    "valid": LocalizedText("有效期", "valid"), "due": LocalizedText("承诺办结日", "due"),
    "effective": LocalizedText("生效日", "effective"), "findings": LocalizedText("检查意见", "findings"),
    "reasons": LocalizedText("理由数", "reasons"), "reason": LocalizedText("理由", "reason"),
    "kind": LocalizedText("类别", "kind"), "premises": LocalizedText("场所", "premises"),
    "unit": LocalizedText("单元", "unit"), "units": LocalizedText("单元数", "units"),
    "tenant": LocalizedText("承租人", "tenant"), "version": LocalizedText("版本", "version"),
    "uscc": LocalizedText("统一社会信用代码", "USCC"), "food": LocalizedText("食品经营许可证编号", "food licence"),
    "working-days": LocalizedText("工作日", "working days"), "rows": LocalizedText("记录行数", "rows"),
    "added": LocalizedText("新增", "added"), "retired": LocalizedText("注销", "retired"),
    "proofs": LocalizedText("产权证明", "proofs"), "answered": LocalizedText("已答复的审查意见", "answered"),
    "roles": LocalizedText("角色", "roles"), "saved": LocalizedText("少交材料", "saved"),
    "department": LocalizedText("部门", "department"), "departments": LocalizedText("推送部门", "departments"),
    "objection-until": LocalizedText("异议期至", "objections until"),
  ]

  /// An audit event's stored detail in words: each `key=value` with its key's label, track codes
  /// by their labels, the state digest shortened (the JSON output keeps it whole).
  public static func detail(_ text: String, in language: Language) -> String {
    let separator = language == .zh ? "；" : "; "
    return text.components(separatedBy: "; ").map { piece -> String in
      guard let equals = piece.firstIndex(of: "="), let label = detailKeys[String(piece[..<equals])] else { return piece }
      let key = String(piece[..<equals])
      var value = String(piece[piece.index(after: equals)...])
      if key == "track" || key == "tracks" {
        value = value.split(separator: ",").map { Track(rawValue: String($0))?.label.text(in: language) ?? String($0) }
          .joined(separator: language == .zh ? "、" : ", ")
      }
      if key == "kind", let kind = BundleKind(rawValue: value) { value = kind.label.text(in: language) }
      if key == "state", value.count > 12 { value = String(value.prefix(12)) + "…" }
      return label.text(in: language) + (language == .zh ? "：" : ": ") + value
    }.joined(separator: separator)
  }
}
