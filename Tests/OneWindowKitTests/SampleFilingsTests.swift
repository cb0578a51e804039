import OneWindowKit
import OneWindowTestSupport
import Testing

/// Every sample is accepted or rejected exactly as its golden report says.
struct SampleFilingsTests {
  static let oneWindow: OneWindow? = try? OneWindow(schemasFolder: Repository.schemas)

  @Test(arguments: Samples.names(under: "SampleFilings/invalid"))
  func invalidSampleMatchesItsGolden(name: String) throws {
    let oneWindow = try #require(Self.oneWindow)
    let source = try #require(Samples.source(named: name))
    let report = oneWindow.validate([source], options: SampleOptions.standard)[0]
    let text = TextReportRenderer().render(ValidationRun(packets: [report]))
    let golden = try #require(
      try Golden.expected(at: Samples.goldenPath(for: name), actual: text),
      "no golden report \(Samples.goldenPath(for: name)); run with ONEWINDOW_UPDATE_GOLDENS=1")
    #expect(text == golden)
    #expect(report.outcome == .rejected)
  }

  @Test(arguments: Samples.names(under: "SampleFilings/valid"))
  func validSampleIsAcceptedWithoutFindings(name: String) throws {
    let oneWindow = try #require(Self.oneWindow)
    let source = try #require(Samples.source(named: name))
    let report = oneWindow.validate([source], options: SampleOptions.standard)[0]
    #expect(report.outcome == .accepted)
    #expect(report.findings.isEmpty, "\(report.findings.map(\.ruleID))")
  }

  @Test func everyInvalidSampleHasAGoldenAndEveryGoldenASample() {
    let names = Set(Samples.names(under: "SampleFilings/invalid").map(Samples.goldenPath(for:)))
    let goldens = Set(Repository.files(under: "SampleFilings/invalid", suffix: ".expected.txt"))
    #expect(names == goldens)
  }
}

/// The options goldens are written with.
enum SampleOptions {
  static let standard = ValidationOptions(jobs: 1, computeHashes: false)
}
