import OneWindowKit
import OneWindowTestSupport
import Testing

struct UnitCapacityTests {
  let sample = "valid/registration/taixingli-zhanqiao-media.xml"

  @Test func acceptsAUnitWithAFreePlace() throws {
    let run = try RuleHarness.run(
      UnitCapacity.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli(tenancies: ["U-201": 2])))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAFullUnit() throws {
    let run = try RuleHarness.run(
      UnitCapacity.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli(tenancies: ["U-201": 3])))
    #expect(run.specs == [FindingSpec("TR-004", .error, line: run.line(of: "<UnitRef>"), path: "/TenantRegistration/UnitRef")])
    #expect(run.report.findings.first?.message.zh == "单元 U-201 可登记 3 户，已登记 3 户")
  }
}
