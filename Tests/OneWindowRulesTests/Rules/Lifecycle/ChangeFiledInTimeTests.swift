import OneWindowKit
import OneWindowTestSupport
import Testing

struct ChangeFiledInTimeTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ChangeFiledInTime.id, sample: "valid/bundle/tianshengjixiang-change-cold-food.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ChangeFiledInTime.id, sample: "invalid/bundle/ch-003-change-filed-after-thirty-days.xml")
    #expect(run.specs == [
      FindingSpec("CH-003", .warning, line: run.line(of: "<ChangedOn>"), path: "/RestaurantChange/ChangedOn")
    ])
  }
}
