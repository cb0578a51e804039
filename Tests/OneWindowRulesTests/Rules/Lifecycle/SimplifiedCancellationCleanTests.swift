import OneWindowKit
import OneWindowTestSupport
import Testing

struct SimplifiedCancellationCleanTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(SimplifiedCancellationClean.id, sample: "valid/bundle/tianshengjixiang-cancellation-simplified.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(SimplifiedCancellationClean.id, sample: "invalid/bundle/ca-002-simplified-with-unpaid-fines.xml")
    #expect(run.specs == [
      FindingSpec("CA-002", .error, line: run.line(of: "<Simplified>"), path: "/RestaurantCancellation/Simplified")
    ])
  }
}
