import OneWindowKit
import OneWindowTestSupport
import Testing

struct TracksShareNameTests {
  @Test func acceptsTracksThatAgree() throws {
    #expect(try PairRuleHarness.run(TracksShareName.id).specs.isEmpty)
  }

  @Test func flagsTracksThatDiffer() throws {
    let run = try PairRuleHarness.run(TracksShareName.id, editingFood: [("<FullName>市南区天晟吉祥烤鸭店", "<FullName>市南区天晟吉祥烤鸭馆")])
    #expect(run.specs == [FindingSpec("BD-002", .error, line: run.line(of: "<FullName>"), path: "/FoodLicenceApplication/BusinessName/FullName")])
  }
}
