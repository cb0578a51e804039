import OneWindowKit
import OneWindowTestSupport
import Testing

struct PreFilingOpenForChangeTests {
  @Test func acceptsAnActivePreFiling() throws {
    let run = try RuleHarness.run(
      PreFilingOpenForChange.id, sample: "valid/amendment/taixingli-add-unit.xml",
      registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAWithdrawnPreFiling() throws {
    let run = try RuleHarness.run(
      PreFilingOpenForChange.id, sample: "valid/amendment/taixingli-add-unit.xml",
      registry: RegistryFixtures.facts(RegistryFixtures.taixingli(status: .withdrawn)))
    #expect(run.specs == [FindingSpec("AM-003", .error, line: run.line(of: "<PreFilingNumber>"), path: "/PreFilingAmendment/PreFilingNumber")])
  }

  @Test func flagsAWithdrawalOfAnUnknownPreFiling() throws {
    let run = try RuleHarness.run(
      PreFilingOpenForChange.id, sample: "valid/amendment/haitian-withdrawal.xml", registry: RegistryFacts())
    #expect(run.specs == [FindingSpec("AM-003", .error, line: run.line(of: "<PreFilingNumber>"), path: "/PreFilingWithdrawal/PreFilingNumber")])
  }
}
