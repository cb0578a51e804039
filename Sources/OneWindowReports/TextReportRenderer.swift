public import OneWindowCore
public import OneWindowValidation

/// Compiler-style text: `file:line: error: [ID] message (path)`, sorted, then a summary line.
public struct TextReportRenderer: Sendable {
  public var language: Language

  public init(language: Language = .zh) { self.language = language }

  /// One line per finding, in report order, and the summary line last.
  public func render(_ run: ValidationRun) -> String {
    var text = ""
    for packet in run.packets.sorted(by: Self.packetOrder) { text += lines(for: packet) }
    return text + summaryLine(run.summary) + "\n"
  }

  /// The order ``render(_:)`` prints packets in: by source.
  public static func packetOrder(_ lhs: PacketReport, _ rhs: PacketReport) -> Bool { lhs.source < rhs.source }

  /// The lines of one packet's findings, in report order, each ending in a newline: the text
  /// ``render(_:)`` prints for that packet, for printing packet by packet. The rules that were
  /// not evaluated for want of a registry fold into one line after the others.
  public func lines(for packet: PacketReport) -> String {
    var text = ""
    var notEvaluated: [RuleID] = []
    // A report's findings are in report order already.
    for finding in packet.findings {
      if finding.notEvaluated == true {
        notEvaluated.append(finding.ruleID)
        continue
      }
      text += line(for: finding)
      text += "\n"
    }
    if !notEvaluated.isEmpty { text += notEvaluatedLine(packet.source, notEvaluated) + "\n" }
    return text
  }

  /// `file: info: 未评估 6 条需要登记库的规则（没有连接登记库，用 --db 指定）：TR-001、…`
  public func notEvaluatedLine(_ file: String, _ ids: [RuleID]) -> String {
    let list = ids.map(\.rawValue)
    switch language {
    case .zh:
      return "\(file): info: 未评估 \(ids.count) 条需要登记库的规则（没有连接登记库，用 --db 指定）：" + list.joined(separator: "、")
    case .en:
      return "\(file): info: \(ids.count) rules that need the registry were not evaluated (no registry; use --db): "
        + list.joined(separator: ", ")
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
