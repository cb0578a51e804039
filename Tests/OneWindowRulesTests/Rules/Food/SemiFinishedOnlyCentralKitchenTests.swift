import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

struct SemiFinishedOnlyCentralKitchenTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(SemiFinishedOnlyCentralKitchen.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(SemiFinishedOnlyCentralKitchen.id, sample: "invalid/bundle/fl-006-semi-finished-small-restaurant.xml")
    #expect(run.specs == [
      FindingSpec("FL-006", .error, line: run.line(of: "<Item code=\"SEMI_FINISHED\"/>"), path: "/RestaurantOpening/FoodLicence/Items/Item[2]/@code")
    ])
  }

  @Test func isInForceFromTheFirstOfDecember2023() throws {
    let before = try RuleHarness.run(
      SemiFinishedOnlyCentralKitchen.id, sample: "invalid/bundle/fl-006-semi-finished-small-restaurant.xml",
      asOf: CivilDate(year: 2023, month: 11, day: 30)!)
    #expect(before.specs.isEmpty)
    let from = try RuleHarness.run(
      SemiFinishedOnlyCentralKitchen.id, sample: "invalid/bundle/fl-006-semi-finished-small-restaurant.xml",
      asOf: CivilDate(year: 2023, month: 12, day: 1)!)
    #expect(from.specs.map(\.id) == ["FL-006"])
  }
}
