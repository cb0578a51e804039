import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// libxml2 and an independent XSD 1.0 validator (Python's xmlschema) agree on every sample.
///
/// The test fails, never skips, when Python or xmlschema is missing: `scripts/test.sh` installs it.
struct XSDCrossCheckTests {
  /// How a validator judged one packet at the XML and schema level (business rules aside).
  enum Verdict: String, Decodable {
    case valid
    case invalid
    case notWellFormed = "not-well-formed"
    case unknownRoot = "unknown-root"
  }

  struct PythonResult: Decodable {
    var verdict: Verdict
  }

  private func ourVerdict(_ report: PacketReport) -> Verdict {
    let categories = Set(report.findings.map(\.category))
    if !categories.isDisjoint(with: [.wellFormedness, .security]) { return .notWellFormed }
    if report.findings.contains(where: { $0.ruleID == SystemRules.unknownPacket.id }) { return .unknownRoot }
    if categories.contains(.schema) { return .invalid }
    return .valid
  }

  @Test func everySampleGetsTheSameVerdictFromBothValidators() throws {
    let oneWindow = try OneWindow(schemasFolder: Repository.schemas)
    let sources = Samples.packets(under: "SampleFilings")
    #expect(sources.count >= 20)
    let reports = oneWindow.validate(sources, options: ValidationOptions(jobs: 2, computeHashes: false))
    let output = try Python.run(
      script: "scripts/xsd-crosscheck.py",
      arguments: [Repository.schemas] + sources.map { Repository.path($0.displayName) })
    let theirs = try JSONDecoder().decode([String: PythonResult].self, from: Data(output.utf8))
    for report in reports {
      let their = try #require(theirs[Repository.path(report.source)], "\(report.source) not checked by xmlschema")
      #expect(ourVerdict(report) == their.verdict, "\(report.source): libxml2 \(ourVerdict(report)), xmlschema \(their.verdict)")
    }
    // Both sides saw every kind of verdict, so the comparison is not vacuous.
    #expect(Set(reports.map(ourVerdict)) == [.valid, .invalid, .notWellFormed, .unknownRoot])
  }

  @Test func everySchemaCompilesWithBothValidators() throws {
    let oneWindow = try OneWindow(schemasFolder: Repository.schemas)
    let families = oneWindow.families
    #expect(families.keys.sorted() == [
      "amendment", "bundle", "bundledef", "business", "decision", "food", "issuance", "prefiling", "receipt",
      "registration", "report", "scenario", "tradebundle",
    ])
    // xmlschema compiles them all inside the script; an empty packet list still compiles.
    let output = try Python.run(script: "scripts/xsd-crosscheck.py", arguments: [Repository.schemas])
    #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "{}")
  }
}
