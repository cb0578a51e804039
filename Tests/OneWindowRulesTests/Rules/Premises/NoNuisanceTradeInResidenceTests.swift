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
      FindingSpec("PR-001", .warning, line: run.line(of: "<PlannedUse>RESIDENTIAL"), path: "/RestaurantOpening/Premises/Declared/PlannedUse")
    ])
  }

  /// Fume-producing catering in a residence is banned by law (FL-013), not merely flagged here.
  @Test func leavesFumeProducingCateringToFL013() throws {
    let run = try RuleHarness.run(NoNuisanceTradeInResidence.id, sample: "invalid/bundle/fl-013-hot-food-in-residence.xml")
    #expect(run.specs.isEmpty)
  }
}
