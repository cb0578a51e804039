import Foundation
import OneWindowCore
import OneWindowKit

/// What must hold for any bytes submitted as a packet, whatever they are: the check of the
/// libFuzzer target (`OneWindowFuzz`) and of the fuzz regression tests, which replay every input
/// the fuzzer ever broke.
///
/// The bytes go through the whole packet path (encoding sniffing, zip reading, hardened parsing,
/// schema validation, mapping, every rule), then through every report format. A crash or a hang
/// anywhere on that path is a failure of its own; the checks below catch wrong answers.
public struct PacketInvariants: Sendable {
  private let oneWindow: OneWindow
  private let options: ValidationOptions

  /// The repository's schemas and data, rules as of a fixed date so results are reproducible.
  public init() {
    self.oneWindow = RegistryHarness.oneWindow
    self.options = ValidationOptions(asOf: CivilDate("2026-11-20"))
  }

  /// Every broken invariant, described; empty when all hold.
  public func violations(for bytes: [UInt8]) -> [String] {
    let report = oneWindow.validate(bytes: bytes, name: "fuzz-input.xml", options: options)
    var problems: [String] = []

    switch report.outcome {
    case .couldNotRun:
      if report.failure == nil { problems.append("could-not-run without a failure text") }
    case .accepted, .rejected:
      if report.outcome != Outcome.of(report.findings) {
        problems.append("outcome \(report.outcome.rawValue) disagrees with its findings")
      }
    }
    if report.outcome == .rejected, report.findings.isEmpty {
      problems.append("rejected without a finding")
    }
    for finding in report.findings {
      if finding.ruleID.rawValue.isEmpty { problems.append("a finding without a rule id") }
      if finding.message.zh.isEmpty || finding.message.en.isEmpty {
        problems.append("\(finding.ruleID): a message is empty")
      }
      if let line = finding.location.line, line < 1 { problems.append("\(finding.ruleID): line \(line)") }
    }
    if report.size != nil, report.size != bytes.count, !isZip(bytes) {
      problems.append("size \(report.size ?? -1) is not the input's \(bytes.count) bytes")
    }

    // Every report format renders it; the XML report is itself a valid ValidationReport packet.
    let run = ValidationRun(packets: [report], asOf: options.asOf)
    _ = TextReportRenderer(language: .zh).render(run)
    let json = JSONReportRenderer().render(run)
    if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
      problems.append("the JSON report does not parse")
    }
    _ = HTMLReportRenderer(oneWindow: oneWindow).render(run)
    let xml = XMLReportRenderer(oneWindow: oneWindow).render(run)
    let check = oneWindow.validate(bytes: Array(xml.utf8), name: "report.xml", options: options)
    if check.family != "report" || check.outcome != .accepted {
      let first = check.findings.first.map { "\($0.ruleID) \($0.location.path ?? "") \($0.message.en)" } ?? ""
      problems.append("the XML report is not a valid report packet: \(check.outcome.rawValue) \(first)")
    }
    return problems
  }

  private func isZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
}
