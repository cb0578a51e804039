import OneWindowKit
import OneWindowTestSupport
import Testing

/// TB-004: Each part is one element in its track schema's namespace.
struct PartInTrackSchemaTests {
  @Test func aPartInAnotherNamespaceIsRefused() throws {
    let bytes = try TradeBundleSample.edited(
      TradeBundleSample.opening, #"<PublicationRetail xmlns="urn:onewindow:trade:bookshop:publication:v1">"#,
      #"<PublicationRetail xmlns="urn:example:other">"#)
    let findings = TradeBundleSample.findings(bytes)
    #expect(findings.map(\.id) == ["TB-004"])
    #expect(findings.first?.path == "/TradeBundle/Part[2]/PublicationRetail")
  }

  @Test func aPartBreakingItsTrackSchemaGetsTheSchemaFinding() throws {
    let bytes = try TradeBundleSample.edited(TradeBundleSample.opening, "<RetailArea>68.50</RetailArea>", "<RetailArea>large</RetailArea>")
    let findings = TradeBundleSample.findings(bytes)
    #expect(findings.map(\.id) == ["XSD-1824"])
    #expect(findings.first?.path == "/TradeBundle/Part[2]/PublicationRetail/RetailArea")
  }

  @Test func acceptsThePartsOfTheSample() throws {
    #expect(try SystemRuleHarness.ids(ofSample: TradeBundleSample.opening).contains("TB-004") == false)
  }
}
