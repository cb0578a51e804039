import OneWindowKit
import OneWindowTestSupport
import Testing

struct RealEstateCertificateNumberTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(RealEstateCertificateNumber.id, sample: "valid/prefiling/taixingli.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(RealEstateCertificateNumber.id, sample: "invalid/prefiling/pf-009-title-number-unusual.xml")
    #expect(run.specs == [
      FindingSpec("PF-009", .warning, line: run.line(of: "<Number>青岛市不动产权0031847"), path: "/AddressPreFiling/PropertyProofs/Proof[1]/Number")
    ])
  }
}
