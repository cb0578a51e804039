public import OneWindowCore
public import OneWindowValidation

/// Compiler-style text: `file:line: error: [ID] message (path)`, sorted, then a summary line.
public struct TextReportRenderer: Sendable {
  public var language: Language
  /// Findings below this severity are not printed (`--min-severity`); the summary still counts
  /// them, and ``hiddenLine(_:)`` says how many were left out.
  public var minimumSeverity: Severity

  public init(language: Language = .zh, minimumSeverity: Severity = .info) {
    self.language = language
    self.minimumSeverity = minimumSeverity
  }

  /// One line per finding, in report order, then the line counting findings left out by
  /// ``minimumSeverity`` (if any), and the summary line last.
  public func render(_ run: ValidationRun) -> String {
    var text = ""
    for packet in run.packets.sorted(by: Self.packetOrder) { text += lines(for: packet) }
    if let hidden = hiddenLine(run.summary) { text += hidden + "\n" }
    return text + summaryLine(run.summary) + "\n"
  }

  /// The order ``render(_:)`` prints packets in: by source.
  public static func packetOrder(_ lhs: PacketReport, _ rhs: PacketReport) -> Bool { lhs.source < rhs.source }

  /// The lines of one packet's findings, in report order, each ending in a newline: the text
  /// ``render(_:)`` prints for that packet, for printing packet by packet. The rules that were
  /// not evaluated for want of a registry fold into one line after the others.
  public func lines(for packet: PacketReport) -> String {
    lines(packet.findings, file: packet.source)
  }

  /// The lines of `findings` (in report order) at or above ``minimumSeverity``, with the rules
  /// not evaluated folded into one line after the others.
  public func lines(_ findings: [Finding], file: String) -> String {
    var text = ""
    var registry: [RuleID] = []
    var attachments: [RuleID] = []
    for finding in findings where finding.severity >= minimumSeverity {
      switch finding.notEvaluated {
      case .registry?: registry.append(finding.ruleID)
      case .attachments?: attachments.append(finding.ruleID)
      case nil:
        text += line(for: finding)
        text += "\n"
      }
    }
    if !registry.isEmpty || !attachments.isEmpty {
      text += notEvaluatedLine(file, registry: registry, attachments: attachments) + "\n"
    }
    return text
  }

  /// How many findings ``minimumSeverity`` left out, `未显示：警告 2 条、提示 3 条（--min-severity error）`;
  /// nil when none were.
  public func hiddenLine(_ summary: ValidationRun.Summary) -> String? {
    hiddenLine(infos: summary.infos, warnings: summary.warnings)
  }

  /// The same for counts of info and warning findings.
  public func hiddenLine(infos: Int, warnings: Int) -> String? {
    let hiddenInfos = minimumSeverity > .info ? infos : 0
    let hiddenWarnings = minimumSeverity > .warning ? warnings : 0
    guard hiddenInfos + hiddenWarnings > 0 else { return nil }
    let option = "--min-severity \(minimumSeverity.rawValue)"
    switch language {
    case .zh:
      var parts: [String] = []
      if hiddenWarnings > 0 { parts.append("警告 \(hiddenWarnings) 条") }
      if hiddenInfos > 0 { parts.append("提示 \(hiddenInfos) 条") }
      return "未显示：" + parts.joined(separator: "、") + "（\(option)）"
    case .en:
      var parts: [String] = []
      if hiddenWarnings > 0 { parts.append("\(hiddenWarnings) warning\(hiddenWarnings == 1 ? "" : "s")") }
      if hiddenInfos > 0 { parts.append("\(hiddenInfos) info\(hiddenInfos == 1 ? "" : "s")") }
      return "not shown: " + parts.joined(separator: ", ") + " (\(option))"
    }
  }

  /// `file: info: 未评估 7 条规则：需要登记库的 TR-001、…（用 --db 指定）；需要附件的 DOC-002（…）`
  public func notEvaluatedLine(_ file: String, registry: [RuleID], attachments: [RuleID]) -> String {
    let file = TerminalText.escaped(file)
    let count = registry.count + attachments.count
    switch language {
    case .zh:
      var parts: [String] = []
      if !registry.isEmpty { parts.append("需要登记库的 " + registry.map(\.rawValue).joined(separator: "、") + "（用 --db 指定）") }
      if !attachments.isEmpty {
        parts.append("需要附件的 " + attachments.map(\.rawValue).joined(separator: "、") + "（以数据包文件夹或 zip 提交时核验）")
      }
      return "\(file): info: 未评估 \(count) 条规则：" + parts.joined(separator: "；")
    case .en:
      var parts: [String] = []
      if !registry.isEmpty { parts.append(registry.map(\.rawValue).joined(separator: ", ") + " need the registry (use --db)") }
      if !attachments.isEmpty {
        parts.append(attachments.map(\.rawValue).joined(separator: ", ") + " need the attachments (send a packet folder or zip)")
      }
      return "\(file): info: \(count) rules not evaluated: " + parts.joined(separator: "; ")
    }
  }

  public func line(for finding: Finding) -> String { finding.reportLine(in: language) }

  public func summaryLine(_ summary: ValidationRun.Summary) -> String {
    switch language {
    case .zh:
      var text = "共 \(summary.packets) 个数据包：通过 \(summary.accepted) 个，退回 \(summary.rejected) 个"
      if summary.couldNotRun > 0 { text += "，无法检查 \(summary.couldNotRun) 个" }
      text += "；错误 \(summary.errors) 条，警告 \(summary.warnings) 条，提示 \(summary.infos) 条"
      return text
    case .en:
      func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
      }
      var text = "\(plural(summary.packets, "packet")): \(summary.accepted) accepted, "
      text += "\(summary.rejected) rejected"
      if summary.couldNotRun > 0 { text += ", \(summary.couldNotRun) could not run" }
      text += "; \(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")), "
      text += plural(summary.infos, "info")
      return text
    }
  }
}
