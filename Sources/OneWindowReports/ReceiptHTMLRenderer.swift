public import Foundation
public import OneWindowCore
public import OneWindowRegistry
public import OneWindowValidation

/// A receipt (回执) as one self-contained page a clerk prints and hands over (A4): the bureau, the
/// receipt number and outcome, the applicant, business name, premises and unit, the packet, the
/// service centre, the clerk, the business date and the print time, the findings with their fix
/// hints and legal basis, and a box for the bureau's stamp. A dry run prints 回执预览 without a
/// number. No scripts, no external resources; every value is HTML-escaped.
public struct ReceiptHTMLRenderer: Sendable {
  public var language: Language
  /// Findings below this severity are not shown (`--min-severity`); a note says how many.
  public var minimumSeverity: Severity
  /// The moment the page is printed, shown in Beijing time.
  public var printedAt: Date
  let policy: Policy
  let report: HTMLReportRenderer

  public init(oneWindow: OneWindow, language: Language = .zh, minimumSeverity: Severity = .info, printedAt: Date = Date()) {
    self.language = language
    self.minimumSeverity = minimumSeverity
    self.printedAt = printedAt
    policy = oneWindow.policy
    report = HTMLReportRenderer(oneWindow: oneWindow, language: language, minimumSeverity: minimumSeverity)
  }

  private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
  private func escape(_ text: String) -> String { HTMLReportRenderer.escape(text) }

  /// `通过（ACCEPTED）`: the outcome's label with its code.
  func outcomeText(_ outcome: Outcome) -> String {
    let label = RegistryTextRenderer(language: language).outcomeLabel(outcome)
    return pick("\(label)（\(outcome.code)）", "\(label) (\(outcome.code))")
  }

  /// The centre's name with its code, the code alone for a centre the policy does not list, or
  /// "not named".
  func centreText(_ code: String?) -> String {
    guard let code else { return pick("未注明", "not named") }
    guard let centre = policy.serviceCentre(named: code) else { return code }
    return pick("\(centre.name.zh)（\(code)）", "\(centre.name.en) (\(code))")
  }

  /// `2026-12-03 14:05:22（北京时间）`.
  var printTime: String {
    let now = RegistryClock.current(now: printedAt).now
    let time = now.prefix(19).replacingOccurrences(of: "T", with: " ")
    return pick("\(time)（北京时间）", "\(time) (Beijing time)")
  }

  public func render(_ receipt: Receipt) -> String {
    let preview = receipt.preview == true
    let title = preview ? pick("回执预览", "Receipt preview") : pick("回执", "Receipt")
    let operation = Receipt.operationLabel(receipt.operation)?.text(in: language)
    var html = HTMLReportRenderer.documentHead(
      title: title + (preview ? "" : " " + receipt.number), language: language, style: HTMLReportRenderer.style + "\n" + Self.style)
    html += """
      <body class="receipt">
      <header>
      <p class="bureau">\(escape(policy.issuingAuthority))</p>
      <h1>\(escape(title))</h1>

      """
    if preview {
      html += "<p class=\"preview\">\(pick("预览：已按正式办理完整检查，未编号，未写入登记库，不作为办理凭证。", "Preview: checked in full as if for real; no number, nothing was written, not proof of filing."))</p>\n"
    } else {
      html += "<p class=\"number\">\(pick("回执编号：", "Receipt number: "))<strong>\(escape(receipt.number))</strong></p>\n"
    }
    html += "<p class=\"verdict \(receipt.outcome.rawValue)\">\(escape((operation ?? receipt.operation) + pick("：", ": ") + outcomeText(receipt.outcome)))</p>\n"
    html += "</header>\n<main>\n<table class=\"facts receipt-facts\">\n"
    var rows: [(String, String)] = []
    rows.append((
      pick("办理事项", "Operation"),
      operation.map { pick("\($0)（\(receipt.operation)）", "\($0) (\(receipt.operation))") } ?? receipt.operation))
    rows.append((pick("结果", "Outcome"), outcomeText(receipt.outcome)))
    rows += report.particularsRows(receipt.particulars, packetID: nil)
    if let subject = receipt.subject, subject != receipt.number, subject != receipt.particulars?.preFilingNumber { rows.append((pick("办件编号", "Case number"), subject)) }
    if let dueOn = receipt.dueOn {
      rows.append((
        pick("承诺办结日", "Due on"),
        dueOn.description + (receipt.dueProvisional == true ? pick("（暂定：待公布节假日安排后确定）", " (provisional until the holiday schedule is published)") : "")))
    }
    if let saved = receipt.materialsSaved {
      rows.append((
        pick("少交材料", "Materials saved"),
        pick(
          "\(saved.count) 件（共 \(saved.fullSet) 件，\(String(format1: saved.percent))%）",
          "\(saved.count) of \(saved.fullSet) (\(String(format1: saved.percent))%)")))
    }
    if let uscc = receipt.licences?.uscc { rows.append((pick("统一社会信用代码", "USCC"), uscc)) }
    if let number = receipt.licences?.foodLicenceNumber { rows.append((pick("食品经营许可证编号", "Food licence number"), number)) }
    for permit in receipt.licences?.permits ?? [] { rows.append((pick("证照编号（\(permit.track)）", "Certificate (\(permit.track))"), permit.number)) }
    for reason in receipt.reasons {
      let track = reason.track.map { "[\($0.label.text(in: language))] " } ?? ""
      rows.append((pick("理由", "Reason"), track + reason.text))
    }
    if let resubmits = receipt.resubmits { rows.append((pick("补正前回执", "Corrects receipt"), resubmits)) }
    if let packetID = receipt.packetID { rows.append((pick("数据包编号", "Packet id"), packetID)) }
    if let sha = receipt.packetSHA256 { rows.append((pick("数据包 SHA-256", "Packet SHA-256"), sha)) }
    if receipt.packetStored == false {
      rows.append((pick("数据包", "Packet"), pick("超过大小上限，仅记录大小与摘要，内容未保存", "over the size limit: only its size and digest were recorded")))
    }
    rows.append((pick("审批机关", "Authority"), policy.issuingAuthority))
    rows.append((pick("受理服务中心", "Service centre"), centreText(receipt.serviceCentre)))
    rows.append((pick("经办人", "Handled by"), "\(receipt.actorRole.label.text(in: language)) \(receipt.actorID)"))
    let date = receipt.businessDate?.description ?? String(receipt.issuedAt.prefix(10))
    rows.append((
      pick("业务日期", "Business date"),
      date + (receipt.backdated == true ? pick("（补录）", " (backdated)") : "")))
    rows.append((pick("打印时间", "Printed at"), printTime))
    if !preview { rows.append((pick("审计链", "Audit chain"), "#\(receipt.auditSequence) \(receipt.auditHead)")) }
    for (label, value) in rows {
      html += "<tr><th>\(escape(label))</th><td>\(escape(value))</td></tr>\n"
    }
    html += "</table>\n<section class=\"findings\">\n<h2>\(pick("检查发现", "Findings"))</h2>\n"
    if receipt.findings.isEmpty {
      html += "<p class=\"clean\">\(pick("没有检查发现。", "No findings."))</p>\n"
    } else {
      let counts = (
        infos: receipt.findings.count { $0.severity == .info }, warnings: receipt.findings.count { $0.severity == .warning })
      if let hidden = TextReportRenderer(language: language, minimumSeverity: minimumSeverity).hiddenLine(
        infos: counts.infos, warnings: counts.warnings)
      {
        html += "<p class=\"hidden\">\(escape(hidden))</p>\n"
      }
      html += report.findingsHTML(receipt.findings, family: receipt.packetFamily)
    }
    html += "</section>\n</main>\n<footer class=\"sign\">\n"
    html += "<div class=\"signature\">\(pick("经办人（签字）", "Clerk (signature)"))：<span class=\"line\"></span></div>\n"
    html += "<div class=\"signature\">\(pick("申请人（签字）", "Applicant (signature)"))：<span class=\"line\"></span></div>\n"
    html += "<div class=\"stamp\">\(pick("盖章处", "Stamp here"))</div>\n"
    html += "<p class=\"note\">\(pick("本回执由一窗通办系统出具；回执编号、数据包摘要与审计链头可在登记库核验。", "Issued by OneWindow; the receipt number, packet digest and audit-chain head can be checked in the registry."))</p>\n"
    html += "</footer>\n</body>\n</html>\n"
    return html
  }

  static let style = """
    body.receipt { max-width: 46em; }
    .bureau { font-size: 1.1em; letter-spacing: .1em; text-align: center; margin: 0; }
    body.receipt h1 { text-align: center; font-size: 1.8em; letter-spacing: .5em; margin: .2em 0; }
    .number { text-align: center; margin: 0 0 .6em; }
    .preview { text-align: center; color: #7a4b00; border: 1px dashed #b26a00; padding: .3em; }
    table.receipt-facts { width: 100%; border-top: 2px solid #333; border-bottom: 2px solid #333; }
    table.receipt-facts th { width: 9em; }
    table.receipt-facts td, table.receipt-facts th { border-bottom: 1px solid #ddd; padding: .25em .4em; }
    footer.sign { display: grid; grid-template-columns: 1fr 1fr 12em; gap: 1em; align-items: end; margin-top: 2em; }
    .signature .line { display: inline-block; width: 8em; border-bottom: 1px solid #333; }
    .stamp { height: 10em; border: 2px dashed #b3261e; color: #b3261e; display: flex; align-items: center;
      justify-content: center; font-size: 1.1em; letter-spacing: .3em; }
    footer.sign .note { grid-column: 1 / -1; color: #555; font-size: .85em; }
    @media print { body.receipt { max-width: none; } .stamp { break-inside: avoid; } }
    @media screen and (max-width: 36em) { body.receipt { margin: 1em .75em; } footer.sign { grid-template-columns: 1fr; } }
    """
}
