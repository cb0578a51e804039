import OneWindowKit
import OneWindowTestSupport
import Testing

struct OwnerMatchesPreFilingTests {
  let sample = "valid/amendment/taixingli-add-unit.xml"

  @Test func acceptsTheOwner() throws {
    let run = try RuleHarness.run(OwnerMatchesPreFiling.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsSomeoneElse() throws {
    var record = RegistryFixtures.taixingli()
    record.ownerIdentity = "91370200MA3M4T6B16"
    let run = try RuleHarness.run(OwnerMatchesPreFiling.id, sample: sample, registry: RegistryFixtures.facts(record))
    #expect(run.specs == [FindingSpec("AM-002", .error, line: run.line(of: "<Owner>"), path: "/PreFilingAmendment/Owner")])
  }
}
