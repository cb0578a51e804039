import OneWindowKit
import OneWindowTestSupport
import Testing

struct ValidityWindowOrderedTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ValidityWindowOrdered.id, sample: "valid/decision/taixingli-prefiling-approve.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ValidityWindowOrdered.id, sample: "invalid/decision/rd-003-validity-ends-before-it-starts.xml")
    #expect(run.specs == [
      FindingSpec("RD-003", .error, line: run.line(of: "<ValidUntil>"), path: "/ReviewDecision/Validity/ValidUntil")
    ])
  }
}
