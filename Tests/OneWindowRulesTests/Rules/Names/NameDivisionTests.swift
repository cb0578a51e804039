import OneWindowKit
import OneWindowTestSupport
import Testing

struct NameDivisionTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(NameDivision.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(NameDivision.id, sample: "invalid/bundle/bl-002-name-division-not-shinan.xml")
    #expect(run.specs == [
      FindingSpec("BL-002", .error, line: run.line(of: "<Division>"), path: "/RestaurantOpening/BusinessName/Division")
    ])
  }
}
