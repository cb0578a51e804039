import OneWindowKit
import OneWindowTestSupport
import Testing

struct SimplifiedCancellationAllowedTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(SimplifiedCancellationAllowed.id, sample: "valid/bundle/tianshengjixiang-cancellation-simplified.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(SimplifiedCancellationAllowed.id, sample: "invalid/bundle/ca-001-simplified-while-listed-abnormal.xml")
    #expect(run.specs == [
      FindingSpec("CA-001", .error, line: run.line(of: "<Simplified>"), path: "/RestaurantCancellation/Simplified")
    ])
  }
}
