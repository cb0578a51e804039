import OneWindowKit
import OneWindowTestSupport
import Testing

struct TradeNameNotPlaceNameTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(TradeNameNotPlaceName.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(TradeNameNotPlaceName.id, sample: "invalid/bundle/bl-008-trade-name-place-name.xml")
    #expect(run.specs == [
      FindingSpec("BL-008", .warning, line: run.line(of: "<TradeName>"), path: "/RestaurantOpening/BusinessName/TradeName")
    ])
  }
}
