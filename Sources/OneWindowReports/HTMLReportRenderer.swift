public import OneWindowCore
public import OneWindowValidation

/// One self-contained HTML page a clerk can print: the outcome first, then each packet's
/// findings grouped by packet section, with the field's Chinese label, the fix hint and the legal
/// basis; packet hashes and the rule-set date at the end. No scripts, no external resources.
public struct HTMLReportRenderer: Sendable {
  public var language: Language
  /// Findings below this severity are not shown (`--min-severity`); the counts still include
  /// them, and a note says how many were left out.
  public var minimumSeverity: Severity
  let labels: FieldLabels

  public init(oneWindow: OneWindow, language: Language = .zh, minimumSeverity: Severity = .info) {
    self.language = language
    self.minimumSeverity = minimumSeverity
    labels = FieldLabels(schemas: oneWindow.schemas)
  }

  private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// A page's start up to `</head>`: doctype, language, viewport, the (escaped) title and its
  /// style, shared by the report and the 回执.
  static func documentHead(title: String, language: Language, style: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language == .zh ? "zh-CN" : "en")">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>\(style)</style>
    </head>

    """
  }

  /// Text made safe for HTML element content and attribute values (either quote): the one
  /// escaping function of the reports, the 回执 and the web pages.
  package static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  private func outcomeLabel(_ outcome: Outcome) -> String {
    switch outcome {
    case .accepted: pick("通过", "Accepted")
    case .rejected: pick("退回", "Rejected")
    case .couldNotRun: pick("无法检查", "Could not check")
    }
  }

  private func severityLabel(_ severity: Severity) -> String {
    switch severity {
    case .error: pick("错误", "Error")
    case .warning: pick("警告", "Warning")
    case .info: pick("提示", "Note")
    }
  }

  public func render(_ run: ValidationRun) -> String {
    let summary = run.summary
    var html = Self.documentHead(title: pick("一窗通办核验报告", "OneWindow validation report"), language: language, style: Self.style)
    html += """
      <body>
      <header>
      <h1>\(pick("一窗通办 · 数据包核验报告", "OneWindow · packet validation report"))</h1>

      """
    let verdict: String
    switch run.outcome {
    case .accepted:
      verdict = pick("全部通过：可以受理。", "All accepted.")
    case .rejected:
      verdict = pick(
        "退回：\(summary.rejected) 个数据包有错误，须改正后重新提交。", "Rejected: \(summary.rejected) packet(s) have errors to correct.")
    case .couldNotRun:
      verdict = pick("无法检查：\(summary.couldNotRun) 个数据包未能读取。", "Could not check \(summary.couldNotRun) packet(s).")
    }
    html += "<p class=\"verdict \(run.outcome.rawValue)\">\(Self.escape(verdict))</p>\n"
    html += "<table class=\"summary\"><tr>"
    for (label, value) in [
      (pick("数据包", "Packets"), summary.packets), (pick("通过", "Accepted"), summary.accepted),
      (pick("退回", "Rejected"), summary.rejected), (pick("无法检查", "Not checked"), summary.couldNotRun),
      (pick("错误", "Errors"), summary.errors), (pick("警告", "Warnings"), summary.warnings),
      (pick("提示", "Notes"), summary.infos),
    ] {
      html += "<td><span class=\"count\">\(value)</span><span class=\"what\">\(label)</span></td>"
    }
    html += "</tr></table>\n"
    if let hidden = TextReportRenderer(language: language, minimumSeverity: minimumSeverity).hiddenLine(summary) {
      html += "<p class=\"hidden\">\(Self.escape(hidden))</p>\n"
    }
    html += "</header>\n<main>\n"
    for packet in run.packets.sorted(by: { $0.source < $1.source }) { html += section(packet) }
    html += "</main>\n<footer>\n<h2>\(pick("核验依据", "Basis of this report"))</h2>\n<dl>\n"
    if let asOf = run.asOf { html += "<dt>\(pick("基准日期", "Reference date"))</dt><dd>\(asOf)</dd>\n" }
    html += "<dt>\(pick("规则集日期", "Rule set of"))</dt><dd>\(run.ruleSetDate ?? run.asOf.map { $0 } ?? CivilDate.today())</dd>\n"
    html += "<dt>\(pick("工具", "Tool"))</dt><dd>onewindow \(OneWindowVersion.current)\(run.strict ? pick("（严格模式：警告亦退回）", " (strict: warnings reject)") : "")</dd>\n"
    html += "</dl>\n<table class=\"hashes\"><tr><th>\(pick("数据包", "Packet"))</th><th>SHA-256</th><th>\(pick("字节", "Bytes"))</th></tr>\n"
    for packet in run.packets.sorted(by: { $0.source < $1.source }) {
      html += "<tr><td>\(Self.escape(packet.source))</td><td><code>\(packet.sha256 ?? "—")</code></td><td>\(packet.size.map(String.init) ?? "—")</td></tr>\n"
    }
    html += "</table>\n</footer>\n</body>\n</html>\n"
    return html
  }

  private func section(_ packet: PacketReport) -> String {
    let title = packet.root.flatMap { labels.label(family: packet.family, path: "/" + $0) }
    var html = "<section class=\"packet\">\n<h2><span class=\"badge \(packet.outcome.rawValue)\">\(outcomeLabel(packet.outcome))</span> "
    html += "\(Self.escape(packet.source))</h2>\n"
    if let root = packet.root {
      html += "<p class=\"kind\">\(Self.escape(title ?? root)) <span class=\"en\">\(Self.escape(root))</span></p>\n"
    }
    let facts = particularsRows(packet.particulars, packetID: packet.packetID)
    if !facts.isEmpty {
      html += "<table class=\"facts\">\n"
      for (label, value) in facts { html += "<tr><th>\(Self.escape(label))</th><td>\(Self.escape(value))</td></tr>\n" }
      html += "</table>\n"
    }
    if let failure = packet.failure { html += "<p class=\"failure\">\(Self.escape(failure))</p>\n" }
    if let diff = packet.resubmission {
      html += "<p class=\"resubmission\">" + Self.escape(pick(
        "补正对照（\(diff.resubmits)）：已解决 \(diff.resolved.count) 项，仍存在 \(diff.stillPresent.count) 项，新增 \(diff.new.count) 项",
        "Against \(diff.resubmits): \(diff.resolved.count) resolved, \(diff.stillPresent.count) still present, \(diff.new.count) new"))
      if !diff.resolved.isEmpty {
        html += "<br>" + Self.escape(pick("已解决：", "Resolved: ") + diff.resolved.map(\.ruleID.rawValue).joined(separator: "、"))
      }
      html += "</p>\n"
    }
    if !packet.findings.contains(where: { $0.severity != .info }), packet.failure == nil {
      html += "<p class=\"clean\">\(pick("未发现错误或警告。", "No errors or warnings."))</p>\n"
    }
    html += findingsHTML(packet.findings, family: packet.family)
    return html + "</section>\n"
  }

  /// The rows of facts at the head of a packet or receipt: applicant, business name, premises,
  /// pre-filing, units, packet id; only those known.
  func particularsRows(_ particulars: PacketParticulars?, packetID: String?) -> [(String, String)] {
    var rows: [(String, String)] = []
    if let particulars {
      if let name = particulars.applicantName {
        rows.append((pick("申请人", "Applicant"), name + (particulars.applicantIdentity.map { pick("（", " (") + $0 + pick("）", ")") } ?? "")))
      } else if let identity = particulars.applicantIdentity {
        rows.append((pick("申请人", "Applicant"), identity))
      }
      if let name = particulars.businessName { rows.append((pick("名称", "Business name"), name)) }
      if let premises = particulars.premises { rows.append((pick("场所", "Premises"), premises)) }
      if let number = particulars.preFilingNumber { rows.append((pick("住所预备案", "Address pre-filing"), number)) }
      if let units = particulars.units, !units.isEmpty {
        rows.append((pick("单元", "Unit"), units.joined(separator: pick("、", ", "))))
      }
    }
    if let packetID { rows.append((pick("数据包编号", "Packet id"), packetID)) }
    return rows
  }

  /// The findings at or above ``minimumSeverity``: errors and warnings grouped by packet section,
  /// then the notes, then the rules not evaluated folded into one line.
  func findingsHTML(_ findings: [Finding], family: String?) -> String {
    var html = ""
    let shown = findings.filter { $0.severity >= minimumSeverity }
    let serious = shown.filter { $0.severity != .info }
    var order: [String] = []
    var groups: [String: (label: String?, findings: [Finding])] = [:]
    for finding in serious {
      let section = labels.section(family: family, path: finding.location.path)
      if groups[section.key] == nil {
        order.append(section.key)
        groups[section.key] = (section.label, [])
      }
      groups[section.key]?.findings.append(finding)
    }
    for key in order {
      guard let group = groups[key] else { continue }
      let heading = key.isEmpty ? pick("整个数据包", "The packet as a whole") : (group.label ?? key)
      html += "<h3>\(Self.escape(heading))\(key.isEmpty ? "" : " <span class=\"en\">\(Self.escape(key))</span>")</h3>\n"
      html += table(group.findings, family: family)
    }
    let infos = shown.filter { $0.severity == .info && $0.notEvaluated == nil }
    if !infos.isEmpty {
      html += "<h3>\(pick("提示", "Notes"))</h3>\n"
      html += table(infos, family: family)
    }
    let registry = shown.filter { $0.notEvaluated == .registry }.map(\.ruleID)
    let attachments = shown.filter { $0.notEvaluated == .attachments }.map(\.ruleID)
    if !registry.isEmpty || !attachments.isEmpty {
      var line = TextReportRenderer(language: language).notEvaluatedLine("", registry: registry, attachments: attachments)
      line.removeFirst(": info: ".count)
      html += "<p class=\"not-evaluated\">" + Self.escape(line) + "</p>\n"
    }
    return html
  }

  private func table(_ findings: [Finding], family: String?) -> String {
    var html = "<table class=\"findings\">\n<tr><th>\(pick("级别", "Severity"))</th><th>\(pick("字段", "Field"))</th>"
    html += "<th>\(pick("问题", "Problem"))</th><th>\(pick("修改建议", "How to fix"))</th><th>\(pick("依据", "Legal basis"))</th></tr>\n"
    for finding in findings {
      let field = labels.label(family: family, path: finding.location.path)
      html += "<tr class=\"\(finding.severity.rawValue)\">"
      html += "<td>\(severityLabel(finding.severity))<br><code>\(Self.escape(finding.ruleID.rawValue))</code></td>"
      html += "<td>\(Self.escape(field ?? "—"))"
      if let line = finding.location.line { html += "<br><small>\(pick("第 \(line) 行", "line \(line)"))</small>" }
      html += "</td><td>\(Self.escape(finding.message.text(in: language)))"
      if let path = finding.location.path { html += "<br><small class=\"path\">\(Self.escape(path))</small>" }
      if let value = finding.value, !value.isEmpty {
        html += "<br><small>\(pick("填写的值", "Value given"))：<code>\(Self.escape(String(value.prefix(200))))</code></small>"
      }
      html += "</td><td>\(Self.escape(finding.hint?.text(in: language) ?? ""))</td>"
      html += "<td><small>\(Self.escape(finding.legalBasis?.text(in: language) ?? ""))</small></td></tr>\n"
    }
    return html + "</table>\n"
  }

  static let style = """
    @page { size: A4; margin: 16mm 14mm; }
    body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
      color: #1a1a1a; margin: 2em auto; max-width: 60em; line-height: 1.5; font-size: 14px; }
    h1 { font-size: 1.5em; margin: 0 0 .4em; }
    h2 { font-size: 1.15em; margin: 1.6em 0 .3em; }
    h3 { font-size: 1em; margin: 1em 0 .3em; border-left: 4px solid #8a8a8a; padding-left: .5em; }
    .en { color: #666; font-weight: normal; font-size: .85em; }
    .verdict { font-size: 1.2em; font-weight: bold; padding: .6em .8em; border-radius: 4px; }
    .verdict.accepted { background: #e6f4ea; color: #0d5d28; }
    .verdict.rejected { background: #fdecea; color: #8a1c14; }
    .verdict.could-not-run { background: #fff4e5; color: #7a4b00; }
    .summary td { text-align: center; padding: .2em 1em; border-right: 1px solid #ddd; }
    .summary .count { display: block; font-size: 1.4em; font-weight: bold; }
    .summary .what { color: #555; font-size: .85em; }
    .badge { display: inline-block; padding: 0 .5em; border-radius: 3px; font-size: .85em; color: #fff; }
    .badge.accepted { background: #1e7e34; } .badge.rejected { background: #b3261e; } .badge.could-not-run { background: #b26a00; }
    table.findings, table.hashes { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; }
    table.findings th, table.findings td, table.hashes th, table.hashes td { border: 1px solid #ccc; padding: .3em .45em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
    table.findings th, table.hashes th { background: #f3f3f3; font-weight: bold; white-space: nowrap; }
    table.findings td:first-child { white-space: nowrap; width: 5.5em; }
    table.findings td:nth-child(2) { width: 8em; }
    table.findings td:nth-child(5) { width: 11em; }
    tr.error td:first-child { border-left: 4px solid #b3261e; }
    tr.warning td:first-child { border-left: 4px solid #c98a00; }
    tr.info td:first-child { border-left: 4px solid #8a8a8a; }
    code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: .9em; word-break: break-all; }
    small { color: #555; } .path { word-break: break-all; color: #888; font-size: .75em; }
    .resubmission { background: #eef3fb; padding: .4em .6em; border-radius: 4px; }
    .failure { color: #8a1c14; }
    table.facts { border-collapse: collapse; margin: .3em 0 .6em; }
    table.facts th { text-align: left; font-weight: normal; color: #555; padding: .1em 1em .1em 0; white-space: nowrap; vertical-align: top; }
    table.facts td { padding: .1em 0; overflow-wrap: anywhere; }
    .hidden, .not-evaluated { color: #555; font-size: .9em; }
    footer { margin-top: 2.5em; border-top: 2px solid #333; padding-top: .5em; font-size: .9em; }
    footer dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; }
    footer dt { color: #555; }
    section.packet { page-break-inside: auto; }
    tr { page-break-inside: avoid; }
    details.infos summary { cursor: pointer; color: #555; }
    @media print { body { margin: 0; max-width: none; font-size: 11pt; } details.infos { display: block; } details.infos > * { display: block; } }
    """
}
