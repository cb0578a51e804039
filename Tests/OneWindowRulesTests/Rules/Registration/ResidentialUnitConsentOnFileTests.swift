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
    #expect(run.specs == [FindingSpec("TR-006", .error, line: run.line(of: "<UnitRef>"), path: "/TenantRegistration/UnitRef")])
  }
}
