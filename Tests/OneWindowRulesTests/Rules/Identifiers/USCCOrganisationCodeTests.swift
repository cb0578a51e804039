import OneWindowKit
import OneWindowTestSupport
import Testing

struct USCCOrganisationCodeTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(USCCOrganisationCode.id, sample: "valid/prefiling/taixingli.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(USCCOrganisationCode.id, sample: "invalid/prefiling/id-002-uscc-organisation-code.xml")
    #expect(run.specs == [
      FindingSpec("ID-002", .warning, line: run.line(of: "91370202MA3C5Y7R1L"), path: "/AddressPreFiling/Owner/Organisation/USCC")
    ])
  }
}
