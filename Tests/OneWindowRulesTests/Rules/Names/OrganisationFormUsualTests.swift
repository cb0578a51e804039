import OneWindowKit
import OneWindowTestSupport
import Testing

struct OrganisationFormUsualTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(OrganisationFormUsual.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(OrganisationFormUsual.id, sample: "invalid/bundle/bl-007-organisation-form-unusual.xml")
    #expect(run.specs == [
      FindingSpec("BL-007", .warning, line: run.line(of: "<OrganisationForm>"), path: "/RestaurantOpening/BusinessName/OrganisationForm")
    ])
  }
}
