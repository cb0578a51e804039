import OneWindowKit
import OneWindowTestSupport
import Testing

struct LesseeIsApplicantTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(LesseeIsApplicant.id, sample: "valid/registration/taixingli-zhanqiao-media.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(LesseeIsApplicant.id, sample: "invalid/registration/pr-005-lessee-not-tenant.xml")
    #expect(run.specs == [
      FindingSpec("PR-005", .error, line: run.line(of: "<Lessee>"), path: "/TenantRegistration/EntryAgreement/Lessee")
    ])
  }
}
