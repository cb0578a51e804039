import OneWindowKit
import OneWindowTestSupport
import Testing

struct TracksShareScopeTests {
  @Test func acceptsTracksThatAgree() throws {
    #expect(try PairRuleHarness.run(TracksShareScope.id).specs.isEmpty)
  }

  @Test func flagsTracksThatDiffer() throws {
    let run = try PairRuleHarness.run(TracksShareScope.id, editingFood: [("<Item>食品销售（仅销售预包装食品）</Item>", "<Item>日用百货销售</Item>")])
    #expect(run.specs == [FindingSpec("BD-004", .error, line: run.line(of: "<BusinessScope>"), path: "/FoodLicenceApplication/BusinessScope")])
  }
}
