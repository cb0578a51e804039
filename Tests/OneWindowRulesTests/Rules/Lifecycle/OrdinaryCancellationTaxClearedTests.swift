import OneWindowKit
import OneWindowTestSupport
import Testing

struct OrdinaryCancellationTaxClearedTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(OrdinaryCancellationTaxCleared.id, sample: "valid/bundle/tianshengjixiang-cancellation-simplified.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(OrdinaryCancellationTaxCleared.id, sample: "invalid/bundle/ca-003-ordinary-cancellation-without-tax-clearance.xml")
    #expect(run.specs == [
      FindingSpec("CA-003", .error, line: run.line(of: "<Simplified>"), path: "/RestaurantCancellation/Simplified")
    ])
  }
}
