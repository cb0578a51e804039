import OneWindowKit
import OneWindowTestSupport
import Testing

struct OperatingAreaWithinPremisesTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(OperatingAreaWithinPremises.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(OperatingAreaWithinPremises.id, sample: "invalid/bundle/fl-012-operating-area-larger-than-premises.xml")
    #expect(run.specs == [
      FindingSpec("FL-012", .warning, line: run.line(of: "<OperatingArea>"), path: "/RestaurantOpening/FoodLicence/OperatingArea")
    ])
  }
}
