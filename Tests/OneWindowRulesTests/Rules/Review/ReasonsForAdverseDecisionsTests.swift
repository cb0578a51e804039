import OneWindowKit
import OneWindowTestSupport
import Testing

struct ReasonsForAdverseDecisionsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ReasonsForAdverseDecisions.id, sample: "valid/decision/correction-request-two-reasons.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ReasonsForAdverseDecisions.id, sample: "invalid/decision/rd-001-correction-without-reasons.xml")
    #expect(run.specs == [
      FindingSpec("RD-001", .error, line: run.line(of: "<Decision>"), path: "/ReviewDecision/Decision")
    ])
  }
}
