import OneWindowKit
import OneWindowTestSupport
import Testing

struct OperatorOfAgeTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(OperatorOfAge.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(OperatorOfAge.id, sample: "invalid/bundle/bl-011-operator-under-eighteen.xml")
    #expect(run.specs == [
      FindingSpec("BL-011", .warning, line: run.line(of: "370203201008231423"), path: "/RestaurantOpening/Operator/IdDocument")
    ])
  }
}
