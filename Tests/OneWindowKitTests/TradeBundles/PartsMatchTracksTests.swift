import OneWindowKit
import OneWindowTestSupport
import Testing

/// TB-003: The parts match the definition's tracks.
struct PartsMatchTracksTests {
  @Test func anOpeningWithoutATracksPartIsRefused() throws {
    let bytes = try TradeBundleSample.edited(TradeBundleSample.opening, #"<Part track="PUBLICATION">"#, #"<Part track="BUSINESS">"#)
    let findings = TradeBundleSample.findings(bytes)
    // The second BUSINESS part is a repeat, and PUBLICATION's is missing.
    #expect(findings.map(\.id) == ["TB-003", "TB-003"])
    #expect(findings.map(\.path) == ["/TradeBundle", "/TradeBundle/Part[2]"])
  }

  @Test func aPartOfATrackTheDefinitionLacksIsRefused() throws {
    let bytes = try TradeBundleSample.edited(TradeBundleSample.opening, #"<Part track="PUBLICATION">"#, #"<Part track="LIQUOR">"#)
    #expect(TradeBundleSample.findings(bytes).map(\.id) == ["TB-003", "TB-003"])
  }

  @Test func aChangeCarriesOnlyTheAffectedTracksParts() throws {
    #expect(try SystemRuleHarness.ids(ofSample: TradeBundleSample.change) == [])
  }
}
