import OneWindowKit
import OneWindowTestSupport
import Testing

struct ResidentialUnitsNeedConsentTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ResidentialUnitsNeedConsent.id, sample: "valid/prefiling/sanjiangli-consolidated.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ResidentialUnitsNeedConsent.id, sample: "invalid/prefiling/pf-004-residential-unit-without-consent.xml")
    #expect(run.specs == [
      FindingSpec("PF-004", .error, line: run.line(of: "<Unit id=\"B-1\">"), path: "/AddressPreFiling/Units/Unit[3]/@id")
    ])
  }
}
