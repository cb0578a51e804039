import OneWindowKit
import OneWindowTestSupport
import Testing

struct RequiredMaterialsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(RequiredMaterials.id, sample: "valid/registration/taixingli-zhanqiao-media.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(RequiredMaterials.id, sample: "invalid/registration/doc-001-entry-agreement-material-missing.xml")
    #expect(run.specs == [
      FindingSpec("DOC-001", .error, line: run.line(of: "<Materials>"), path: "/TenantRegistration/Materials")
    ])
  }
}
