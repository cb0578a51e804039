import OneWindowKit
import OneWindowTestSupport
import Testing

struct AgreementUseMatchesActivityTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(AgreementUseMatchesActivity.id, sample: "valid/registration/taixingli-zhanqiao-media.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(AgreementUseMatchesActivity.id, sample: "invalid/registration/pr-006-agreement-use-differs.xml")
    #expect(run.specs == [
      FindingSpec("PR-006", .warning, line: run.line(of: "<Use>"), path: "/TenantRegistration/EntryAgreement/Use")
    ])
  }
}
