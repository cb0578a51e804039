import OneWindowKit
import OneWindowTestSupport
import Testing

struct TracksShareBundleTests {
  @Test func acceptsTracksThatAgree() throws {
    #expect(try PairRuleHarness.run(TracksShareBundle.id).specs.isEmpty)
  }

  @Test func flagsTracksThatDiffer() throws {
    let run = try PairRuleHarness.run(TracksShareBundle.id, editingFood: [("<BundleNumber>YJS-370202-2026-000001", "<BundleNumber>YJS-370202-2026-000009")])
    #expect(run.specs == [FindingSpec("BD-005", .error, line: run.line(of: "<BundleNumber>"), path: "/FoodLicenceApplication/BundleNumber")])
  }
}
