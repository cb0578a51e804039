import OneWindowKit
import OneWindowTestSupport
import Testing

struct SubstituteProofsConsolidatedTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(SubstituteProofsConsolidated.id, sample: "valid/prefiling/sanjiangli-consolidated.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(SubstituteProofsConsolidated.id, sample: "invalid/prefiling/pf-008-premises-certificate-without-consolidation.xml")
    #expect(run.specs == [
      FindingSpec("PF-008", .warning, line: run.line(of: "<Type>PREMISES_CERTIFICATE"), path: "/AddressPreFiling/PropertyProofs/Proof[1]/Type")
    ])
  }
}
