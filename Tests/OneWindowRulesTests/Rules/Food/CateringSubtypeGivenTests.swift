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
      FindingSpec("FL-010", .warning, line: run.line(of: "<OperatorCategory>"), path: "/RestaurantOpening/FoodLicence/OperatorCategory")
    ])
  }

  /// The requirement is policy data (issue 14, item 9): a bureau may make it an error.
  @Test func isAnErrorWhenThePolicyRequiresIt() throws {
    let run = try RuleHarness.run(
      CateringSubtypeGiven.id, sample: "invalid/bundle/fl-010-catering-subtype-missing.xml",
      policy: [("\"cateringSubtypeRequired\": false", "\"cateringSubtypeRequired\": true")])
    #expect(run.specs == [
      FindingSpec("FL-010", .error, line: run.line(of: "<OperatorCategory>"), path: "/RestaurantOpening/FoodLicence/OperatorCategory")
    ])
  }
}
