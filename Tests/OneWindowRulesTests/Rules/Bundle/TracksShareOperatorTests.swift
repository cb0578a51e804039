import OneWindowKit
import OneWindowTestSupport
import Testing

struct TracksShareOperatorTests {
  @Test func acceptsTracksThatAgree() throws {
    #expect(try PairRuleHarness.run(TracksShareOperator.id).specs.isEmpty)
  }

  @Test func flagsTracksThatDiffer() throws {
    let run = try PairRuleHarness.run(TracksShareOperator.id, editingFood: [("<Name>王建国</Name>", "<Name>王建民</Name>")])
    #expect(run.specs == [FindingSpec("BD-001", .error, line: run.line(of: "<Operator>"), path: "/FoodLicenceApplication/Operator")])
  }
}
