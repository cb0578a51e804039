import Foundation
import OneWindowCore
public import OneWindowValidation

/// The JSON report: the run's summary and every packet with its findings (both languages).
///
/// Keys are sorted so output is stable. The shape is documented in `Documentation/Reports.md`.
public struct JSONReportRenderer: Sendable {
  public init() {}

  struct Document: Encodable {
    var tool = "onewindow"
    var version = OneWindowVersion.current
    var asOf: CivilDate?
    var strict: Bool
    var outcome: Outcome
    var summary: ValidationRun.Summary
    var packets: [PacketReport]
  }

  public func render(_ run: ValidationRun) -> String {
    let document = Document(
      asOf: run.asOf, strict: run.strict, outcome: run.outcome, summary: run.summary,
      packets: run.packets.sorted { $0.source < $1.source })
    return Self.encode(document)
  }

  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

/// The tool's version, printed by `--version` and written into reports.
public enum OneWindowVersion {
  public static let current = "0.1.0"
}
