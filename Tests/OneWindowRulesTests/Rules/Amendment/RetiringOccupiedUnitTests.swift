import OneWindowKit
import OneWindowTestSupport
import Testing

struct RetiringOccupiedUnitTests {
  let sample = "valid/amendment/haitian-retire-3502-add-3509.xml"

  func haitian(tenants: Int) -> RegistryFacts {
    RegistryFixtures.facts(
      PreFilingRecord(
        number: "YBA-370202-2026-000003", status: .active, ownerName: "青岛海天中心建设发展有限公司",
        ownerIdentity: "91370200MA3M4T6B16",
        units: ["T2-3502": RegisteredUnit(id: "T2-3502", plannedUse: .office, capacity: 1, activeTenancies: tenants)]))
  }

  @Test func acceptsRetiringAnEmptyUnit() throws {
    #expect(try RuleHarness.run(RetiringOccupiedUnit.id, sample: sample, registry: haitian(tenants: 0)).specs.isEmpty)
  }

  @Test func warnsWhenTheUnitStillHasTenants() throws {
    let run = try RuleHarness.run(RetiringOccupiedUnit.id, sample: sample, registry: haitian(tenants: 1))
    #expect(run.specs == [FindingSpec("AM-005", .warning, line: run.line(of: "<UnitRef>T2-3502"), path: "/PreFilingAmendment/RetireUnits/Retire/UnitRef")])
  }
}
