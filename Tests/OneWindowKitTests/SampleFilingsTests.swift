import OneWindowKit
import OneWindowTestSupport
import Testing

/// Every sample is accepted or rejected exactly as its golden report says.
struct SampleFilingsTests {
  @Test(arguments: Samples.names(under: "SampleFilings/invalid"))
  func invalidSampleMatchesItsGolden(name: String) throws {
    let oneWindow = try #require(RuleHarness.oneWindow)
    let source = try #require(Samples.source(named: name))
    let report = oneWindow.validate([source], options: SampleOptions.standard)[0]
    let text = TextReportRenderer().render(ValidationRun(packets: [report]))
    let golden = try #require(
      try Golden.expected(at: Samples.goldenPath(for: name), actual: text),
      "no golden report \(Samples.goldenPath(for: name)); run with ONEWINDOW_UPDATE_GOLDENS=1")
    #expect(text == golden)
    // An invalid sample breaks something: an error rejects it; a warning-only sample (a rule of
    // warning severity) is accepted with its warning, and rejected under --strict.
    let worst = report.findings.map(\.severity).max()
    #expect(worst == .error || worst == .warning, "\(name) has no error or warning")
    #expect(report.outcome == (worst == .error ? .rejected : .accepted))
  }

  @Test(arguments: Samples.names(under: "SampleFilings/valid"))
  func validSampleIsAcceptedWithoutErrorsOrWarnings(name: String) throws {
    let oneWindow = try #require(RuleHarness.oneWindow)
    let source = try #require(Samples.source(named: name))
    let report = oneWindow.validate([source], options: SampleOptions.standard)[0]
    #expect(report.outcome == .accepted)
    let notable = report.findings.filter { $0.severity != .info }
    #expect(notable.isEmpty, "\(notable.map { "\($0.ruleID) \($0.message.en)" })")
    // Infos say only what could not be checked here: registry rules and attachment digests.
    for finding in report.findings where finding.severity == .info {
      #expect(
        finding.message.en.hasPrefix("not evaluated: no registry")
          || finding.ruleID.rawValue == "DOC-002" || finding.ruleID.rawValue == "CH-004",
        "\(finding.ruleID): \(finding.message.en)")
    }
  }

  @Test func everyInvalidSampleHasAGoldenAndEveryGoldenASample() {
    let names = Set(Samples.names(under: "SampleFilings/invalid").map(Samples.goldenPath(for:)))
    let goldens = Set(Repository.files(under: "SampleFilings/invalid", suffix: ".expected.txt"))
    #expect(names.subtracting(goldens).sorted() == [], "samples without a golden")
    #expect(goldens.subtracting(names).sorted() == [], "goldens without a sample")
  }
}

/// The options goldens are written with: `onewindow validate --as-of 2026-11-20 <packet>`.
enum SampleOptions {
  static let standard = ValidationOptions(jobs: 1, computeHashes: false, asOf: RuleHarness.asOf)
}
