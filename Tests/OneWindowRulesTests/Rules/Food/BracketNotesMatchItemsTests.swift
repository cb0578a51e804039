import OneWindowKit
import OneWindowTestSupport
import Testing

struct BracketNotesMatchItemsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(BracketNotesMatchItems.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(BracketNotesMatchItems.id, sample: "invalid/bundle/fl-007-bulk-cooked-note-on-hot-food.xml")
    #expect(run.specs == [
      FindingSpec("FL-007", .error, line: run.line(of: "<Item code=\"HOT_FOOD\">"), path: "/RestaurantOpening/FoodLicence/Items/Item")
    ])
  }
}
