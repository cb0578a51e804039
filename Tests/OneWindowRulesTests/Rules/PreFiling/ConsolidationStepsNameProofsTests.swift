import OneWindowKit
import OneWindowTestSupport
import Testing

struct ConsolidationStepsNameProofsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ConsolidationStepsNameProofs.id, sample: "valid/prefiling/sanjiangli-consolidated.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ConsolidationStepsNameProofs.id, sample: "invalid/prefiling/pf-010-substitution-names-no-proof.xml")
    #expect(run.specs == [
      FindingSpec("PF-010", .error, line: run.line(of: "<Action>SUBSTITUTE"), path: "/AddressPreFiling/Consolidation/Step[1]/Action")
    ])
  }
}
