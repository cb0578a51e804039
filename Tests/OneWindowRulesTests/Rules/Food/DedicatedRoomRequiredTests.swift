import OneWindowKit
import OneWindowTestSupport
import Testing

struct DedicatedRoomRequiredTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(DedicatedRoomRequired.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(DedicatedRoomRequired.id, sample: "invalid/bundle/fl-004-cold-food-without-room.xml")
    #expect(run.specs == [
      FindingSpec("FL-004", .error, line: run.line(of: "<Item code=\"COLD_FOOD\"/>"), path: "/RestaurantOpening/FoodLicence/Items/Item[2]/@code")
    ])
  }
}
