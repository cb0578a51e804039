import OneWindowKit
import OneWindowTestSupport
import Testing

struct ScopeNotEmptyTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ScopeNotEmpty.id, sample: "valid/bundle/tianshengjixiang-change-cold-food.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ScopeNotEmpty.id, sample: "invalid/bundle/bl-010-changed-scope-empty.xml")
    #expect(run.specs == [
      FindingSpec("BL-010", .error, line: run.line(of: "<BusinessScope/>"), path: "/RestaurantChange/Changes/BusinessScope")
    ])
  }
}
