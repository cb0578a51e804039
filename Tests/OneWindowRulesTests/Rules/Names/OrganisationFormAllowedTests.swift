import OneWindowKit
import OneWindowTestSupport
import Testing

struct OrganisationFormAllowedTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(OrganisationFormAllowed.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(OrganisationFormAllowed.id, sample: "invalid/bundle/bl-006-organisation-form-company.xml")
    #expect(run.specs == [
      FindingSpec("BL-006", .error, line: run.line(of: "<OrganisationForm>"), path: "/RestaurantOpening/BusinessName/OrganisationForm")
    ])
  }
}
