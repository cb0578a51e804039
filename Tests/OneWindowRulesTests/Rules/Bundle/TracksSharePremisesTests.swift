import OneWindowKit
import OneWindowTestSupport
import Testing

struct TracksSharePremisesTests {
  @Test func acceptsTracksThatAgree() throws {
    #expect(try PairRuleHarness.run(TracksSharePremises.id).specs.isEmpty)
  }

  @Test func flagsTracksThatDiffer() throws {
    let run = try PairRuleHarness.run(TracksSharePremises.id, editingFood: [("<UnitRef>A-1</UnitRef>", "<UnitRef>A-2</UnitRef>")])
    #expect(run.specs == [FindingSpec("BD-003", .error, line: run.line(of: "<PreFiled>"), path: "/FoodLicenceApplication/Premises/PreFiled")])
  }
}
