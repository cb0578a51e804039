import OneWindowKit
import OneWindowTestSupport
import Testing

struct UnitInScopeTests {
  let sample = "valid/registration/taixingli-zhanqiao-media.xml"

  @Test func acceptsAUnitOfThePreFiling() throws {
    let run = try RuleHarness.run(UnitInScope.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsARetiredUnit() throws {
    let run = try RuleHarness.run(
      UnitInScope.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli(retired: ["U-201"])))
    #expect(run.specs == [FindingSpec("TR-002", .error, line: run.line(of: "<UnitRef>"), path: "/TenantRegistration/UnitRef")])
  }

  @Test func flagsAUnitOutsideThePreFiling() throws {
    let run = try RuleHarness.run(
      UnitInScope.id, sample: sample, replacing: [("<UnitRef>U-201</UnitRef>", "<UnitRef>U-301</UnitRef>")],
      registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs == [FindingSpec("TR-002", .error, line: run.line(of: "<UnitRef>U-301"), path: "/TenantRegistration/UnitRef")])
    #expect(run.report.findings.first?.value == "U-301")
  }
}
