import OneWindowKit
import OneWindowTestSupport
import Testing

struct CentralOfficeDensityTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(CentralOfficeDensity.id, sample: "valid/prefiling/haitian-centre.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(CentralOfficeDensity.id, sample: "invalid/prefiling/pf-007-central-office-area-crowded.xml")
    #expect(run.specs == [
      FindingSpec("PF-007", .warning, line: run.line(of: "<Capacity>300"), path: "/AddressPreFiling/Units/Unit[3]/Capacity")
    ])
  }
}
