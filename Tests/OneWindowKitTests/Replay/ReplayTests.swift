import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Replaying scenarios: every committed scenario passes, and a wrong expectation is reported as a
/// readable difference at its step.
struct ReplayTests {
  let oneWindow = RegistryHarness.oneWindow

  /// A scenario in a temporary folder; its packet paths point into the repository's samples.
  private func temporaryScenario(_ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-replay-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/scenario.xml"
    let absolute = text
      .replacingOccurrences(of: "<Packet>../", with: "<Packet>\(Repository.samples)/")
      .replacingOccurrences(of: "<Packet>taixingli-lifecycle/", with: "<Packet>\(Repository.samples)/scenarios/taixingli-lifecycle/")
    try Data(absolute.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func everyCommittedScenarioPasses() async {
    let run = await oneWindow.replay([Repository.path("SampleFilings")])
    #expect(run.scenarios.count >= 12)
    for scenario in run.scenarios {
      #expect(scenario.passed, "\(scenario.path): \(scenario.failure ?? "") \(scenario.steps.filter { !$0.passed }.map { "\($0.id): \($0.differences)" })")
    }
    #expect(run.outcome == .accepted)
    #expect(run.summary.steps >= 100)
  }

  @Test func onlyScenarioFilesAreReplayed() {
    let files = OneWindow.scenarioFiles(in: [Repository.path("SampleFilings/scenarios")])
    #expect(files.allSatisfy { $0.hasSuffix(".xml") && !$0.contains("/taixingli-lifecycle/") })
    #expect(files.count == 20)
  }

  @Test func aWrongExpectationIsADifferenceAtItsStep() async throws {
    let original = String(decoding: try Repository.bytes("SampleFilings/scenarios/01-taixingli-lifecycle.xml"), as: UTF8.self)
    let wrong = original
      .replacingOccurrences(of: "<Value name=\"occupied\" equals=\"2/5\"/>", with: "<Value name=\"occupied\" equals=\"3/5\"/>")
      .replacingOccurrences(of: "<Finding>TR-004</Finding>", with: "<Finding>TR-001</Finding>")
    let path = try temporaryScenario(wrong)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = await oneWindow.replay(scenarioAt: path)
    #expect(!result.passed)
    let failing = result.steps.filter { !$0.passed }
    #expect(failing.map(\.id) == ["s4", "s6"])
    #expect(failing[0].differences == ["value occupied: expected 3/5, got 2/5"])
    #expect(failing[1].differences == [
      "findings: expected [TR-001], got [TR-004]",
      "  + TR-004 error at \(Repository.samples)/scenarios/taixingli-lifecycle/u201-shibei-training.xml:10: 单元 U-201 可登记 3 户，已登记 3 户",
      "  - TR-001 expected but not reported",
    ])
  }

  @Test func anUnboundSymbolOrMissingPacketCannotRun() async throws {
    let path = try temporaryScenario("""
      <ReplayScenario xmlns="urn:onewindow:scenario:v1">
        <Title>坏场景</Title>
        <Steps>
          <Step id="a">
            <Action>prefile.review</Action>
            <Actor role="CLERK" id="0231"/>
            <AsOf>2026-03-04</AsOf>
            <Subject>$nothing</Subject>
            <Decision>APPROVE</Decision>
            <Expect><Outcome>ACCEPTED</Outcome></Expect>
          </Step>
          <Step id="b">
            <Action>register</Action>
            <Actor role="CLERK" id="0232"/>
            <AsOf>2026-03-04</AsOf>
            <Packet>no/such/packet.xml</Packet>
            <Expect><Outcome>ACCEPTED</Outcome></Expect>
          </Step>
        </Steps>
      </ReplayScenario>
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = await oneWindow.replay(scenarioAt: path)
    #expect(result.steps.map(\.outcome) == [.couldNotRun, .couldNotRun])
    #expect(result.steps[0].differences == ["could not run: $nothing is not bound by an earlier step", "outcome: expected ACCEPTED, got COULD_NOT_RUN"])
    #expect(result.steps[1].differences.first?.hasPrefix("could not run: no packet no/such/packet.xml beside ") == true)
  }

  @Test func anInvalidScenarioIsUnreadable() async throws {
    let path = try temporaryScenario("<ReplayScenario xmlns=\"urn:onewindow:scenario:v1\"><Steps/></ReplayScenario>")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = await oneWindow.replay([path])
    #expect(run.outcome == .couldNotRun)
    #expect(run.scenarios.first?.failure?.contains("not a valid replay scenario") == true)
  }

  @Test func theRuleChangeImpactListsTheStepsThatFlip() async {
    let paths = [Repository.path("SampleFilings/scenarios")]
    let baseline = await oneWindow.replay(paths)
    let before2023 = await oneWindow.replay(paths, options: ReplayOptions(ruleSetDate: CivilDate("2023-11-30")))
    let impact = RuleChangeImpact(baseline: baseline, alternative: before2023)
    #expect(impact.changes.map { "\($0.step) \($0.before.code)→\($0.after.code) -\($0.disappeared) +\($0.appeared)" } == [
      "f1 REJECTED→ACCEPTED -[\"FL-006\"] +[]",
      // Scenario 19: without FL-006 there is no open review error, so the food track's first
      // approval goes through and the second finds the track decided.
      "o1 ACCEPTED→ACCEPTED -[\"FL-006\"] +[]", "o4 REJECTED→ACCEPTED -[\"RG-009\"] +[]",
      "o5 ACCEPTED→REJECTED -[] +[\"RG-003\"]",
    ])
  }

  @Test func junitHasOneTestCasePerStep() async {
    let run = await oneWindow.replay([Repository.path("SampleFilings/scenarios/05-unit-capacity.xml")])
    let xml = ReplayRenderer().junit(run)
    #expect(xml.components(separatedBy: "<testcase ").count - 1 == run.summary.steps)
    #expect(xml.contains("<testsuites name=\"onewindow replay\" tests=\"\(run.summary.steps)\" failures=\"0\" errors=\"0\">"))
  }
}
