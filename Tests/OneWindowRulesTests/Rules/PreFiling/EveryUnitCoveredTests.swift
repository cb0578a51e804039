import OneWindowKit
import OneWindowTestSupport
import Testing

struct EveryUnitCoveredTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(EveryUnitCovered.id, sample: "valid/prefiling/taixingli.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(EveryUnitCovered.id, sample: "invalid/prefiling/pf-001-unit-not-covered.xml")
    #expect(run.specs == [
      FindingSpec("PF-001", .error, line: run.line(of: "<Unit id=\"U-102\">"), path: "/AddressPreFiling/Units/Unit[2]/@id")
    ])
  }
}
