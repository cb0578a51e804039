import OneWindowKit
import OneWindowTestSupport
import Testing

struct ProofAreaCoversUnitsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ProofAreaCoversUnits.id, sample: "valid/prefiling/taixingli.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ProofAreaCoversUnits.id, sample: "invalid/prefiling/pf-003-proof-area-too-small.xml")
    #expect(run.specs == [
      FindingSpec("PF-003", .warning, line: run.line(of: "<Area>60.00"), path: "/AddressPreFiling/PropertyProofs/Proof[1]/Area")
    ])
  }
}
