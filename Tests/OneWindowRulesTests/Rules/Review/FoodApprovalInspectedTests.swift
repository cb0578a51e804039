import OneWindowKit
import OneWindowTestSupport
import Testing

struct FoodApprovalInspectedTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(FoodApprovalInspected.id, sample: "valid/decision/tianshengjixiang-food-approve.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(FoodApprovalInspected.id, sample: "invalid/decision/rd-002-food-approval-one-inspector.xml")
    #expect(run.specs == [
      FindingSpec("RD-002", .error, line: run.line(of: "<Inspectors>"), path: "/ReviewDecision/Inspection/Inspectors")
    ])
  }
}
