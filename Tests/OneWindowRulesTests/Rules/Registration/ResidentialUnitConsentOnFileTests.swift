import OneWindowKit
import OneWindowTestSupport
import Testing

struct ResidentialUnitConsentOnFileTests {
  let sample = "valid/registration/sanjiangli-b1-design-studio.xml"

  @Test func acceptsAResidentialUnitWithConsent() throws {
    let run = try RuleHarness.run(
      ResidentialUnitConsentOnFile.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.sanjiangli()))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAResidentialUnitWithoutConsent() throws {
    let run = try RuleHarness.run(
      ResidentialUnitConsentOnFile.id, sample: sample,
      registry: RegistryFixtures.facts(RegistryFixtures.sanjiangli(consentOnB1: false)))
    #expect(run.specs == [FindingSpec("TR-006", .warning, line: run.line(of: "<UnitRef>"), path: "/TenantRegistration/UnitRef")])
  }

  /// Under Shandong's commitment system the consent is the applicant's commitment (a warning);
  /// a bureau that examines use makes it an error.
  @Test func isAnErrorWhenTheBureauExaminesUse() throws {
    let run = try RuleHarness.run(
      ResidentialUnitConsentOnFile.id, sample: sample,
      registry: RegistryFixtures.facts(RegistryFixtures.sanjiangli(consentOnB1: false)),
      policy: [("\"premisesExamination\": \"COMMITMENT\"", "\"premisesExamination\": \"EXAMINE\"")])
    #expect(run.specs == [FindingSpec("TR-006", .error, line: run.line(of: "<UnitRef>"), path: "/TenantRegistration/UnitRef")])
  }
}
