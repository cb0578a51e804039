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
      FindingSpec("PR-002", .warning, line: run.line(of: "<ConsentingOwners>"), path: "/RestaurantOpening/Premises/Declared/ResidentialConsent/ConsentingOwners")
    ])
  }

  /// Shandong 2024 art. 6 makes the consent a commitment (a warning); EXAMINE makes it an error.
  @Test func isAnErrorWhenTheBureauExaminesUse() throws {
    let run = try RuleHarness.run(
      ResidentialUseNeedsConsent.id, sample: "invalid/bundle/pr-002-residence-consent-not-unanimous.xml",
      policy: [("\"premisesExamination\": \"COMMITMENT\"", "\"premisesExamination\": \"EXAMINE\"")])
    #expect(run.specs == [
      FindingSpec("PR-002", .error, line: run.line(of: "<ConsentingOwners>"), path: "/RestaurantOpening/Premises/Declared/ResidentialConsent/ConsentingOwners")
    ])
  }
}
