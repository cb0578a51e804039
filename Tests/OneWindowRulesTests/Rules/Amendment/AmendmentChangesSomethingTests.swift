import OneWindowKit
import OneWindowTestSupport
import Testing

struct AmendmentChangesSomethingTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(AmendmentChangesSomething.id, sample: "valid/amendment/taixingli-add-unit.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(AmendmentChangesSomething.id, sample: "invalid/amendment/am-001-amendment-changes-nothing.xml")
    #expect(run.specs == [
      FindingSpec("AM-001", .error, line: run.line(of: "<Reason>"), path: "/PreFilingAmendment/Reason")
    ])
  }
}
