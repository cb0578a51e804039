import OneWindowKit
import OneWindowTestSupport
import Testing

struct ProofUseMatchesUnitsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ProofUseMatchesUnits.id, sample: "valid/prefiling/taixingli.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ProofUseMatchesUnits.id, sample: "invalid/prefiling/pf-002-unit-use-differs-from-proof.xml")
    #expect(run.specs == [
      FindingSpec("PF-002", .error, line: run.line(of: "<PlannedUse>OFFICE"), path: "/AddressPreFiling/Units/Unit[2]/PlannedUse")
    ])
  }
}
