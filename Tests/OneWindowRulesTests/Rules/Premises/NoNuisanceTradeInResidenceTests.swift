import OneWindowKit
import OneWindowTestSupport
import Testing

struct NoNuisanceTradeInResidenceTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(NoNuisanceTradeInResidence.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(NoNuisanceTradeInResidence.id, sample: "invalid/bundle/pr-001-catering-in-residence.xml")
    #expect(run.specs == [
      FindingSpec("PR-001", .error, line: run.line(of: "<PlannedUse>RESIDENTIAL"), path: "/RestaurantOpening/Premises/Declared/PlannedUse")
    ])
  }
}
