import OneWindowKit
import OneWindowTestSupport
import Testing

struct HealthCertificateValidTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(HealthCertificateValid.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(HealthCertificateValid.id, sample: "invalid/bundle/fl-008-health-certificate-expired.xml")
    #expect(run.specs == [
      FindingSpec("FL-008", .error, line: run.line(of: "<ValidUntil>2026-10-31"), path: "/RestaurantOpening/FoodLicence/Staff/Member[1]/HealthCertificate/ValidUntil")
    ])
  }
}
