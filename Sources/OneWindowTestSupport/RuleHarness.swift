import Foundation
public import OneWindowKit

/// A finding reduced to what rule tests compare: id, severity, line and path.
public struct FindingSpec: Equatable, CustomStringConvertible, Sendable {
  public var id: String
  public var severity: Severity
  public var line: Int?
  public var path: String?

  public init(_ id: String, _ severity: Severity, line: Int?, path: String?) {
    self.id = id
    self.severity = severity
    self.line = line
    self.path = path
  }

  public init(_ finding: Finding) {
    self.init(finding.ruleID.rawValue, finding.severity, line: finding.location.line, path: finding.location.path)
  }

  public var description: String { "\(id) \(severity) \(line.map(String.init) ?? "-") \(path ?? "-")" }
}

/// Runs one rule over a sample packet (optionally edited) through the real pipeline:
/// schema validation, mapping, then only that rule.
public enum RuleHarness {
  /// The reference date rule tests use unless they say otherwise.
  public static let asOf = CivilDate(year: 2026, month: 11, day: 20)!

  public static let oneWindow: OneWindow? = try? OneWindow(
    schemasFolder: Repository.schemas, dataFolder: Repository.data)

  public struct Failure: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
  }

  /// The outcome of one harness run.
  public struct Run: Sendable {
    public var report: PacketReport
    /// The packet text that was checked.
    public var text: String

    public init(report: PacketReport, text: String) {
      self.report = report
      self.text = text
    }

    /// The findings of the rule under test.
    public var specs: [FindingSpec] { report.findings.map(FindingSpec.init) }

    /// The 1-based line of the first occurrence of `fragment` (0 when absent).
    public func line(of fragment: String) -> Int {
      guard let range = text.range(of: fragment) else { return 0 }
      return text[..<range.lowerBound].count(where: { $0 == "\n" }) + 1
    }
  }

  /// The repository's schemas with `Data/policy.json` edited (each `old` text replaced by its
  /// `new`), from a temporary copy of the data folder: what a bureau that changed a value gets.
  public static func oneWindow(editingPolicy edits: [(String, String)]) throws -> OneWindow {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-data-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.data), to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = folder.appendingPathComponent("policy.json")
    var text = try String(contentsOf: policy, encoding: .utf8)
    for (old, new) in edits {
      guard text.contains(old) else { throw Failure(description: "'\(old)' not found in Data/policy.json") }
      text = text.replacingOccurrences(of: old, with: new)
    }
    try Data(text.utf8).write(to: policy)
    return try OneWindow(schemasFolder: Repository.schemas, dataFolder: folder.path)
  }

  /// Checks `sample` (relative to `SampleFilings/`) after replacing each `old` with its `new`
  /// (first occurrence), running only `rule`, with the policy edited when `policy` says so.
  public static func run(
    _ rule: RuleID, sample: String, replacing edits: [(String, String)] = [],
    asOf: CivilDate = asOf, registry: RegistryFacts? = nil, attachments: [String: [UInt8]]? = nil,
    policy policyEdits: [(String, String)] = []
  ) throws -> Run {
    guard let standard = oneWindow else { throw Failure(description: "schemas or data did not load") }
    let oneWindow = policyEdits.isEmpty ? standard : try Self.oneWindow(editingPolicy: policyEdits)
    var text = String(decoding: try Repository.bytes("SampleFilings/" + sample), as: UTF8.self)
    for (old, new) in edits {
      guard let range = text.range(of: old) else {
        throw Failure(description: "'\(old)' not found in \(sample)")
      }
      text.replaceSubrange(range, with: new)
    }
    var options = ValidationOptions(
      computeHashes: false, asOf: asOf, rules: RuleSettings(only: [rule]),
      registry: registry.map(FixedRegistry.init))
    options.jobs = 1
    let report: PacketReport
    if let attachments {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-rule-\(UUID())")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      try Data(text.utf8).write(to: folder.appendingPathComponent("packet.xml"))
      for (name, bytes) in attachments { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
      report = oneWindow.validate(
        [PacketSource(displayName: "packet", kind: .folder(path: folder.path))], options: options)[0]
    } else {
      report = oneWindow.validate(bytes: Array(text.utf8), name: "packet.xml", options: options)
    }
    let structural = report.findings.filter { [.schema, .wellFormedness, .security, .packet].contains($0.category) }
    if !structural.isEmpty || report.outcome == .couldNotRun {
      throw Failure(
        description: "the edited packet is not schema-valid: "
          + structural.map { "\($0.ruleID) \($0.location.line ?? 0) \($0.message.en)" }.joined(separator: "; ")
          + (report.failure ?? ""))
    }
    return Run(report: report, text: text)
  }
}
