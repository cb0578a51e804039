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
    #expect(files.count == 23)
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

  /// JUnit: a suite per scenario, a case per step with its time, a failure for a wrong
  /// expectation, an error for a step that could not be carried out and for an unreadable
  /// scenario; counts and times add up. Durations are set here, so the text is exact.
  @Test func junitCountsTimesAndClassNames() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-junit-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    func step(_ id: String, _ action: String, _ packet: String, _ outcome: String) -> String {
      """
          <Step id="\(id)">
            <Action>\(action)</Action>
            <Actor role="CLERK" id="0232"/>
            <AsOf>2026-03-02</AsOf>
            <Packet>\(packet)</Packet>
            <Expect><Outcome>\(outcome)</Outcome></Expect>
          </Step>
      """
    }
    func scenario(_ title: String, _ steps: [String]) -> String {
      "<ReplayScenario xmlns=\"urn:onewindow:scenario:v1\"><Title>\(title)</Title><Steps>\n\(steps.joined(separator: "\n"))\n</Steps></ReplayScenario>\n"
    }
    let taixingli = Repository.path(Taixingli.preFiling)
    let files = [
      "a-pass.xml": scenario("通过", [step("v1", "validate", taixingli, "ACCEPTED")]),
      "b.wrong.xml": scenario("错误期望", [step("v1", "validate", taixingli, "REJECTED"), step("v2", "validate", taixingli, "ACCEPTED")]),
      "c-cannot.xml": scenario("缺数据包", [step("r1", "register", "no/such/packet.xml", "ACCEPTED")]),
      "d-bad.xml": "<ReplayScenario xmlns=\"urn:onewindow:scenario:v1\"><Steps/></ReplayScenario>\n",
    ]
    for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    var run = await oneWindow.replay([folder])
    try #require(run.scenarios.map { $0.steps.count } == [1, 2, 1, 0])
    let durations: [[Duration]] = [[.milliseconds(12)], [.microseconds(1_234_567), .microseconds(400)], [.milliseconds(3)]]
    for (scenario, times) in durations.enumerated() {
      for (index, time) in times.enumerated() { run.scenarios[scenario].steps[index].duration = time }
    }
    let missing = try #require(run.scenarios[2].steps[0].differences.first)
    let unreadable = try #require(run.scenarios[3].failure)
    #expect(missing.hasPrefix("could not run: no packet no/such/packet.xml"))
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    #expect(ReplayRenderer().junit(run) == """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="onewindow replay" tests="5" failures="1" errors="2" time="1.250">
        <testsuite name="通过" file="\(folder)/a-pass.xml" tests="1" failures="0" errors="0" time="0.012">
          <testcase classname="onewindow.replay.a-pass" name="v1 validate 2026-03-02" time="0.012" file="\(folder)/a-pass.xml" line="2"/>
        </testsuite>
        <testsuite name="错误期望" file="\(folder)/b.wrong.xml" tests="2" failures="1" errors="0" time="1.235">
          <testcase classname="onewindow.replay.b_wrong" name="v1 validate 2026-03-02" time="1.235" file="\(folder)/b.wrong.xml" line="2">
            <failure message="outcome: expected REJECTED, got ACCEPTED">outcome: expected REJECTED, got ACCEPTED</failure>
          </testcase>
          <testcase classname="onewindow.replay.b_wrong" name="v2 validate 2026-03-02" time="0.000" file="\(folder)/b.wrong.xml" line="9"/>
        </testsuite>
        <testsuite name="缺数据包" file="\(folder)/c-cannot.xml" tests="1" failures="0" errors="1" time="0.003">
          <testcase classname="onewindow.replay.c-cannot" name="r1 register 2026-03-02" time="0.003" file="\(folder)/c-cannot.xml" line="2">
            <error message="\(escaped(missing))">\(escaped(missing))
      outcome: expected ACCEPTED, got COULD_NOT_RUN</error>
          </testcase>
        </testsuite>
        <testsuite name="\(folder)/d-bad.xml" file="\(folder)/d-bad.xml" tests="1" failures="0" errors="1" time="0.000">
          <testcase classname="onewindow.replay.d-bad" name="load" time="0.000">
            <error message="\(escaped(unreadable))">\(escaped(unreadable))</error>
          </testcase>
        </testsuite>
      </testsuites>

      """)
  }
}
