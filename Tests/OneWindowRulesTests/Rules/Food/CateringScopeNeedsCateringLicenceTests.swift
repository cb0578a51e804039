import OneWindowKit
import OneWindowTestSupport
import Testing

struct CateringScopeNeedsCateringLicenceTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(CateringScopeNeedsCateringLicence.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(CateringScopeNeedsCateringLicence.id, sample: "invalid/bundle/fl-002-catering-scope-food-sales-licence.xml")
    #expect(run.specs == [
      FindingSpec("FL-002", .error, line: run.line(of: "<OperatorCategory>"), path: "/RestaurantOpening/FoodLicence/OperatorCategory")
    ])
  }
}
