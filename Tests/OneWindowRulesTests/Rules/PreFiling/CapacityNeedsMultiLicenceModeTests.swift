import OneWindowKit
import OneWindowTestSupport
import Testing

struct CapacityNeedsMultiLicenceModeTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(CapacityNeedsMultiLicenceMode.id, sample: "valid/prefiling/haitian-centre.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(CapacityNeedsMultiLicenceMode.id, sample: "invalid/prefiling/pf-006-capacity-without-multi-licence-mode.xml")
    #expect(run.specs == [
      FindingSpec("PF-006", .error, line: run.line(of: "<Capacity>3"), path: "/AddressPreFiling/Units/Unit[3]/Capacity")
    ])
  }
}
