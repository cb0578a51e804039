import OneWindowKit
import OneWindowTestSupport
import Testing

/// TB-006: An opening's shared core holds every element its definition requires.
struct CoreCompleteTests {
  @Test func anOpeningWithoutTheRequiredAreaIsRefused() throws {
    let bytes = try TradeBundleSample.edited(TradeBundleSample.opening, "<Area>68.50</Area>", "")
    let findings = TradeBundleSample.findings(bytes)
    #expect(findings.map(\.id) == ["TB-006"])
    #expect(findings.first?.path == "/TradeBundle/Core")
  }

  @Test func anOptionalElementMayBeLeftOut() throws {
    let bytes = try TradeBundleSample.edited(TradeBundleSample.opening, "<Contact>林晓雯 13706421583</Contact>", "")
    #expect(TradeBundleSample.findings(bytes).isEmpty)
  }
}
