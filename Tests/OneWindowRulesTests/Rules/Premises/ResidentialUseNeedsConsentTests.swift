import OneWindowKit
import OneWindowTestSupport
import Testing

struct ResidentialUseNeedsConsentTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ResidentialUseNeedsConsent.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ResidentialUseNeedsConsent.id, sample: "invalid/bundle/pr-002-residence-consent-not-unanimous.xml")
    #expect(run.specs == [
      FindingSpec("PR-002", .error, line: run.line(of: "<ConsentingOwners>"), path: "/RestaurantOpening/Premises/Declared/ResidentialConsent/ConsentingOwners")
    ])
  }
}
