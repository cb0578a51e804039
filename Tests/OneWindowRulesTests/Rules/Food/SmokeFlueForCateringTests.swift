import OneWindowKit
import OneWindowTestSupport
import Testing

struct SmokeFlueForCateringTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(SmokeFlueForCatering.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(SmokeFlueForCatering.id, sample: "invalid/bundle/fl-013-hot-food-without-smoke-flue.xml")
    #expect(run.specs == [
      FindingSpec("FL-013", .warning, line: run.line(of: "<Declared>"), path: "/RestaurantOpening/Premises/Declared")
    ])
  }
}
