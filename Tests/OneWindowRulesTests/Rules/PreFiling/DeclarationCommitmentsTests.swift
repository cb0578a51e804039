import OneWindowKit
import OneWindowTestSupport
import Testing

struct DeclarationCommitmentsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(DeclarationCommitments.id, sample: "valid/prefiling/taixingli.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(DeclarationCommitments.id, sample: "invalid/prefiling/pf-005-commitments-incomplete.xml")
    #expect(run.specs == [
      FindingSpec("PF-005", .error, line: run.line(of: "<Commitments>"), path: "/AddressPreFiling/Declaration/Commitments")
    ])
  }
}
