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

  @Test func aChangeOfItemsOnlyNeedsNoInspection() throws {
    let withoutInspection: [(String, String)] = [("<Inspection>", "<!--"), ("</Inspection>", "-->")]
    let strict = try RuleHarness.run(
      FoodApprovalInspected.id, sample: "valid/decision/tianshengjixiang-food-approve.xml", replacing: withoutInspection)
    #expect(strict.specs == [FindingSpec("RD-002", .error, line: strict.line(of: "<Decision>"), path: "/ReviewDecision/Decision")])
    let bundle = BundleRecord(number: "YJS-370202-2026-000001", kind: .change, tracks: [.food], inspectionRequired: false)
    let relaxed = try RuleHarness.run(
      FoodApprovalInspected.id, sample: "valid/decision/tianshengjixiang-food-approve.xml", replacing: withoutInspection,
      registry: RegistryFacts(bundles: [bundle.number: bundle]))
    #expect(relaxed.specs.isEmpty)
  }
}
