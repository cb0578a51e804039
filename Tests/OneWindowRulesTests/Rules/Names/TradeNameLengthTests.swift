import OneWindowKit
import OneWindowTestSupport
import Testing

struct TradeNameLengthTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(TradeNameLength.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(TradeNameLength.id, sample: "invalid/bundle/bl-003-trade-name-one-character.xml")
    #expect(run.specs == [
      FindingSpec("BL-003", .error, line: run.line(of: "<TradeName>"), path: "/RestaurantOpening/BusinessName/TradeName")
    ])
  }
}
