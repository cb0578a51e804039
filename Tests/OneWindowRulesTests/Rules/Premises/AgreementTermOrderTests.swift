import OneWindowKit
import OneWindowTestSupport
import Testing

struct AgreementTermOrderTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(AgreementTermOrder.id, sample: "valid/registration/taixingli-zhanqiao-media.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(AgreementTermOrder.id, sample: "invalid/registration/pr-004-agreement-ends-before-it-starts.xml")
    #expect(run.specs == [
      FindingSpec("PR-004", .error, line: run.line(of: "<TermEnd>"), path: "/TenantRegistration/EntryAgreement/TermEnd")
    ])
  }
}
