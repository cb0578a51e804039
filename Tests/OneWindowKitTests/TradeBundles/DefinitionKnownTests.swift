import OneWindowKit
import OneWindowTestSupport
import Testing

/// TB-001: A generic bundle names a definition that is loaded.
struct DefinitionKnownTests {
  @Test func refusesAnUnknownDefinitionAtItsElement() throws {
    let bytes = try TradeBundleSample.edited(TradeBundleSample.opening, "<Definition>bookshop</Definition>", "<Definition>florist</Definition>")
    let findings = TradeBundleSample.findings(bytes)
    #expect(findings.map(\.id) == ["TB-001"])
    #expect(findings.first?.line == 10)
    #expect(findings.first?.path == "/TradeBundle/Definition")
  }

  @Test func acceptsALoadedDefinition() throws {
    #expect(try SystemRuleHarness.ids(ofSample: TradeBundleSample.opening) == [])
  }
}
