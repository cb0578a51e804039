import OneWindowKit
import OneWindowTestSupport
import Testing

struct ItemsNotDuplicatedTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ItemsNotDuplicated.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ItemsNotDuplicated.id, sample: "invalid/bundle/fl-011-food-item-twice.xml")
    #expect(run.specs == [
      FindingSpec("FL-011", .error, line: run.line(of: "<Item code=\"HOT_FOOD\"/>\n      <Item") + 1, path: "/RestaurantOpening/FoodLicence/Items/Item[2]/@code")
    ])
  }
}
