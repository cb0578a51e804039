import OneWindowKit
import OneWindowTestSupport
import Testing

/// 大气污染防治法 art. 81(1): fume-producing catering without a recorded flue gets its
/// fume-cleaning equipment checked (a warning), outside the cases FL-013 bans.
struct FumeCleaningWithoutFlueTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(FumeCleaningWithoutFlue.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(FumeCleaningWithoutFlue.id, sample: "invalid/bundle/fl-014-hot-food-without-smoke-flue.xml")
    #expect(run.specs == [
      FindingSpec("FL-014", .warning, line: run.line(of: "<Declared>"), path: "/RestaurantOpening/Premises/Declared")
    ])
  }

  /// A residence is FL-013's (an error), not a warning here.
  @Test func leavesResidencesToFL013() throws {
    let run = try RuleHarness.run(FumeCleaningWithoutFlue.id, sample: "invalid/bundle/fl-013-hot-food-in-residence.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func thePolicyMaySwitchItOff() throws {
    let run = try RuleHarness.run(
      FumeCleaningWithoutFlue.id, sample: "invalid/bundle/fl-014-hot-food-without-smoke-flue.xml",
      policy: [("\"cateringNeedsSmokeFlue\": true", "\"cateringNeedsSmokeFlue\": false")])
    #expect(run.specs.isEmpty)
  }
}
