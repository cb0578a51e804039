import OneWindowKit
import OneWindowTestSupport
import Testing

struct CateringSubtypeGivenTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(CateringSubtypeGiven.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(CateringSubtypeGiven.id, sample: "invalid/bundle/fl-010-catering-subtype-missing.xml")
    #expect(run.specs == [
      FindingSpec("FL-010", .error, line: run.line(of: "<OperatorCategory>"), path: "/RestaurantOpening/FoodLicence/OperatorCategory")
    ])
  }
}
