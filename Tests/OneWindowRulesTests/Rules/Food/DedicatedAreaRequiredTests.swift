import OneWindowKit
import OneWindowTestSupport
import Testing

struct DedicatedAreaRequiredTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(DedicatedAreaRequired.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(DedicatedAreaRequired.id, sample: "invalid/bundle/fl-005-beverage-without-area.xml")
    #expect(run.specs == [
      FindingSpec("FL-005", .warning, line: run.line(of: "<Item code=\"BEVERAGE\"/>"), path: "/RestaurantOpening/FoodLicence/Items/Item[2]/@code")
    ])
  }
}
