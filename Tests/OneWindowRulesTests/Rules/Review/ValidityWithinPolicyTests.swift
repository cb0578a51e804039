import OneWindowKit
import OneWindowTestSupport
import Testing

/// RD-004 (issue 12, fault 10): a validity no longer than `preFilingValidityYears`.
struct ValidityWithinPolicyTests {
  @Test func acceptsThreeYearsLessADay() throws {
    let run = try RuleHarness.run(ValidityWithinPolicy.id, sample: "valid/decision/taixingli-prefiling-approve.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ValidityWithinPolicy.id, sample: "invalid/decision/rd-004-validity-beyond-policy.xml")
    #expect(run.specs == [
      FindingSpec("RD-004", .error, line: run.line(of: "<ValidUntil>"), path: "/ReviewDecision/Validity/ValidUntil")
    ])
    #expect(run.report.findings.first?.message.en == "the validity ends 2031-03-03, after the latest allowed 2029-03-03")
  }

  @Test func oneDayMoreIsAlreadyTooLong() throws {
    let run = try RuleHarness.run(
      ValidityWithinPolicy.id, sample: "valid/decision/taixingli-prefiling-approve.xml",
      replacing: [("<ValidUntil>2029-03-03</ValidUntil>", "<ValidUntil>2029-03-04</ValidUntil>")])
    #expect(run.specs.map(\.id) == ["RD-004"])
  }
}
