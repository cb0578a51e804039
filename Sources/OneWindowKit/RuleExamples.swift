import Foundation
import OneWindowCore
import OneWindowRules
public import OneWindowValidation

extension OneWindow {
  /// A failing and a passing sample for a rule, run through the real pipeline with only that rule.
  public struct RuleExamples: Sendable {
    /// The failing sample's report, showing the rule's findings.
    public var failing: PacketReport?
    /// A valid sample of a kind the rule applies to, on which it finds nothing.
    public var passing: String?
  }

  /// Examples for `onewindow rules ID`: the corpus sample named after the rule, and the first
  /// valid sample of an applicable kind that the rule passes. Reference date: the corpus date.
  public func examples(for entry: CatalogueEntry, samplesFolder: String) -> RuleExamples {
    let options = ValidationOptions(
      computeHashes: false, asOf: CivilDate(year: 2026, month: 11, day: 20), rules: RuleSettings(only: [entry.rule.id]))
    var examples = RuleExamples()
    if let failing = entry.failingExample {
      let path = samplesFolder + "/" + failing
      var isDirectory: ObjCBool = false
      let isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
      var source = isFolder ? PacketSource(displayName: path, kind: .folder(path: path)) : PacketSourceCollector.source(file: path)
      source.displayName = "SampleFilings/" + failing
      var report = validate([source], options: options)[0]
      report.findings = report.findings.filter { $0.ruleID == entry.rule.id }
      examples.failing = report
    }
    let sources = PacketSourceCollector.collect([samplesFolder + "/valid"]).sources
    for source in sources {
      let report = validate([source], options: options)[0]
      guard let root = report.root, entry.appliesTo.contains(root) || entry.appliesTo == ["*"] else { continue }
      if report.outcome != .couldNotRun, report.findings.allSatisfy({ $0.ruleID != entry.rule.id }) {
        examples.passing = "SampleFilings/" + source.displayName.dropFirst(samplesFolder.count + 1)
        break
      }
    }
    return examples
  }
}
