import OneWindowKit
import OneWindowTestSupport
import Testing

struct AgreementCoversDateTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(AgreementCoversDate.id, sample: "valid/registration/taixingli-zhanqiao-media.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(AgreementCoversDate.id, sample: "invalid/registration/pr-003-agreement-expired.xml")
    #expect(run.specs == [
      FindingSpec("PR-003", .error, line: run.line(of: "<TermEnd>"), path: "/TenantRegistration/EntryAgreement/TermEnd")
    ])
  }
}
