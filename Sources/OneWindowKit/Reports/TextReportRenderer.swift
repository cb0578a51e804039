public import OneWindowCore

/// Compiler-style text: `file:line: error: [ID] message (path)`, sorted, then a summary line.
public struct TextReportRenderer: Sendable {
  public var language: Language

  public init(language: Language = .zh) { self.language = language }

  /// One line per finding, in report order, and the summary line last.
  public func render(_ run: ValidationRun) -> String {
    var lines: [String] = []
    let packets = run.packets.sorted { $0.source < $1.source }
    for packet in packets {
      for finding in packet.findings.sorted(by: Finding.reportOrder) {
        lines.append(line(for: finding))
      }
    }
    lines.append(summaryLine(run.summary))
    return lines.joined(separator: "\n") + "\n"
  }

  public func line(for finding: Finding) -> String {
    var head = finding.location.file
    if let line = finding.location.line { head += ":\(line)" }
    var text = "\(head): \(finding.severity.label): [\(finding.ruleID)] "
    text += finding.message.text(in: language)
    if let path = finding.location.path { text += " (\(path))" }
    return text
  }

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
