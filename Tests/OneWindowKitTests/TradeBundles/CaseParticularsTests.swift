import OneWindowKit
import OneWindowTestSupport
import Testing

/// TB-005: A change or cancellation gives the current numbers and declared change fields.
struct CaseParticularsTests {
  @Test func anUnknownChangedFieldIsRefused() throws {
    let text = String(decoding: try Repository.bytes("SampleFilings/" + TradeBundleSample.change), as: UTF8.self)
    let field = try #require(text.firstMatch(of: /<Field>([A-Z_]+)<\/Field>/)).1
    let bytes = try TradeBundleSample.edited(TradeBundleSample.change, "<Field>\(field)</Field>", "<Field>COLOUR</Field>")
    // The part of the affected track is now also one the change does not involve.
    #expect(TradeBundleSample.findings(bytes).map(\.id).sorted() == ["TB-003", "TB-005"])
  }

  @Test func aChangeWithoutACurrentNumberIsRefused() throws {
    let text = String(decoding: try Repository.bytes("SampleFilings/" + TradeBundleSample.change), as: UTF8.self)
    let licence = try #require(text.firstMatch(of: /\s*<Licence track="PUBLICATION">[^<]*<\/Licence>/))
    let bytes = try TradeBundleSample.edited(TradeBundleSample.change, String(licence.0), "")
    let findings = TradeBundleSample.findings(bytes)
    #expect(findings.map(\.id) == ["TB-005"])
    #expect(findings.first?.path == "/TradeBundle")
  }

  @Test func acceptsACompleteChange() throws {
    #expect(try SystemRuleHarness.ids(ofSample: TradeBundleSample.change) == [])
  }
}
