import OneWindowKit
import OneWindowTestSupport
import Testing

/// TB-002: A bundle with dedicated families is not applied for with the generic one.
struct DefinitionIsGenericTests {
  @Test func refusesTheRestaurantAsAGenericBundle() throws {
    let bytes = try TradeBundleSample.edited(TradeBundleSample.opening, "<Definition>bookshop</Definition>", "<Definition>restaurant</Definition>")
    let findings = TradeBundleSample.findings(bytes)
    #expect(findings.map(\.id) == ["TB-002"])
    #expect(findings.first?.path == "/TradeBundle/Definition")
  }

  @Test func acceptsAGenericDefinition() throws {
    #expect(try SystemRuleHarness.ids(ofSample: "valid/tradebundle/hotel-opening.xml") == [])
  }
}
