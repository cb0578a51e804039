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
      FindingSpec("FL-004", .warning, line: run.line(of: "<Item code=\"COLD_FOOD\"/>"), path: "/RestaurantOpening/FoodLicence/Items/Item[2]/@code")
    ])
  }

  /// The 2023 reform's simplified review makes a missing 专间 the reviewer's call (a warning);
  /// a bureau that refuses such packets sets dedicatedRoomSeverity to ERROR.
  @Test func isAnErrorWhenThePolicySaysSo() throws {
    let run = try RuleHarness.run(
      DedicatedRoomRequired.id, sample: "invalid/bundle/fl-004-cold-food-without-room.xml",
      policy: [("\"dedicatedRoomSeverity\": \"WARNING\"", "\"dedicatedRoomSeverity\": \"ERROR\"")])
    #expect(run.specs == [
      FindingSpec("FL-004", .error, line: run.line(of: "<Item code=\"COLD_FOOD\"/>"), path: "/RestaurantOpening/FoodLicence/Items/Item[2]/@code")
    ])
  }
}
