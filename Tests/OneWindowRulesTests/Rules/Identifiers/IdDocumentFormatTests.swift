import OneWindowKit
import OneWindowTestSupport
import Testing

struct IdDocumentFormatTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(IdDocumentFormat.id, sample: "valid/registration/taixingli-zhanqiao-media.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(IdDocumentFormat.id, sample: "invalid/registration/id-005-id-number-does-not-fit-type.xml")
    #expect(run.specs == [
      FindingSpec("ID-005", .error, line: run.line(of: "HK_MO_PERMIT"), path: "/TenantRegistration/Tenant/Representative/IdDocument")
    ])
  }
}
