import OneWindowKit
import OneWindowTestSupport
import Testing

struct ItemsMatchCategoryTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ItemsMatchCategory.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ItemsMatchCategory.id, sample: "invalid/bundle/fl-003-food-seller-prepares-food.xml")
    #expect(run.specs == [
      FindingSpec("FL-003", .error, line: run.line(of: "<Item code=\"HOT_FOOD\"/>"), path: "/RestaurantOpening/FoodLicence/Items/Item/@code")
    ])
  }
}
