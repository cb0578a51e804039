import OneWindowKit
import OneWindowTestSupport
import Testing

struct AmendmentReferencesExistTests {
  let sample = "valid/amendment/taixingli-add-unit.xml"

  @Test func acceptsANewUnitId() throws {
    let run = try RuleHarness.run(AmendmentReferencesExist.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAnAddedUnitIdThatExists() throws {
    var record = RegistryFixtures.taixingli()
    record.units["U-202"] = RegisteredUnit(id: "U-202", plannedUse: .office, capacity: 1)
    let run = try RuleHarness.run(AmendmentReferencesExist.id, sample: sample, registry: RegistryFixtures.facts(record))
    #expect(run.specs == [FindingSpec("AM-004", .error, line: run.line(of: "<Unit id=\"U-202\">"), path: "/PreFilingAmendment/AddUnits/Unit/@id")])
  }

  @Test func flagsRetiringAndReplacingUnknownIds() throws {
    let run = try RuleHarness.run(
      AmendmentReferencesExist.id, sample: "valid/amendment/taixingli-replace-title-p1.xml",
      replacing: [("<ProofRef>P-1</ProofRef>", "<ProofRef>P-9</ProofRef>")],
      registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs == [FindingSpec("AM-004", .error, line: run.line(of: "<ProofRef>P-9"), path: "/PreFilingAmendment/ReplaceProofs/Replace/ProofRef")])
  }

  @Test func flagsAnAddedProofIdThatExists() throws {
    let run = try RuleHarness.run(
      AmendmentReferencesExist.id, sample: sample, replacing: [("<Proof id=\"P-3\">", "<Proof id=\"P-2\">")],
      registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs == [FindingSpec("AM-004", .error, line: run.line(of: "<Proof id=\"P-2\">"), path: "/PreFilingAmendment/AddProofs/Proof/@id")])
  }
}
