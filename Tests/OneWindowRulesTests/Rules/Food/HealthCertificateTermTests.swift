import OneWindowKit
import OneWindowTestSupport
import Testing

struct HealthCertificateTermTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(HealthCertificateTerm.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(HealthCertificateTerm.id, sample: "invalid/bundle/fl-009-health-certificate-two-years.xml")
    #expect(run.specs == [
      FindingSpec("FL-009", .warning, line: run.line(of: "<ValidUntil>2028-03-14"), path: "/RestaurantOpening/FoodLicence/Staff/Member[2]/HealthCertificate/ValidUntil")
    ])
  }
}
