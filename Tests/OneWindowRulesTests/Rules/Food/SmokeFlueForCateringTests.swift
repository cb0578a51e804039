import OneWindowKit
import OneWindowTestSupport
import Testing

/// 大气污染防治法 art. 81(2): no new fume-producing catering in a residential building, or in a
/// mixed building without a dedicated flue.
struct SmokeFlueForCateringTests {
  let declaredUse = ("      <PlannedUse>COMMERCIAL</PlannedUse>\n      <Area>", "      <PlannedUse>COMMERCIAL_RESIDENTIAL</PlannedUse>\n      <Area>")

  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(SmokeFlueForCatering.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsHotFoodInAResidence() throws {
    let run = try RuleHarness.run(SmokeFlueForCatering.id, sample: "invalid/bundle/fl-013-hot-food-in-residence.xml")
    #expect(run.specs == [
      FindingSpec("FL-013", .error, line: run.line(of: "<PlannedUse>RESIDENTIAL"), path: "/RestaurantOpening/Premises/Declared/PlannedUse")
    ])
  }

  @Test func acceptsAMixedBuildingWithAFlue() throws {
    let run = try RuleHarness.run(SmokeFlueForCatering.id, sample: "valid/bundle/muzidawei-opening.xml", replacing: [declaredUse])
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAMixedBuildingWithoutAFlue() throws {
    let run = try RuleHarness.run(
      SmokeFlueForCatering.id, sample: "valid/bundle/muzidawei-opening.xml",
      replacing: [declaredUse, ("        <Feature>SMOKE_FLUE</Feature>\n", "")])
    #expect(run.specs == [
      FindingSpec("FL-013", .error, line: run.line(of: "<PlannedUse>COMMERCIAL_RESIDENTIAL"), path: "/RestaurantOpening/Premises/Declared/PlannedUse")
    ])
  }

  /// Commercial premises without a recorded flue are not banned: FL-014 warns instead.
  @Test func leavesCommercialPremisesWithoutAFlueToFL014() throws {
    let run = try RuleHarness.run(SmokeFlueForCatering.id, sample: "invalid/bundle/fl-014-hot-food-without-smoke-flue.xml")
    #expect(run.specs.isEmpty)
  }

  /// Which items make fumes is policy data: with none listed, a residence with hot food passes.
  @Test func readsTheFumeProducingItemsFromThePolicy() throws {
    let run = try RuleHarness.run(
      SmokeFlueForCatering.id, sample: "invalid/bundle/fl-013-hot-food-in-residence.xml",
      policy: [("\"fumeProducingItems\": [\"HOT_FOOD\"]", "\"fumeProducingItems\": []")])
    #expect(run.specs.isEmpty)
  }
}
