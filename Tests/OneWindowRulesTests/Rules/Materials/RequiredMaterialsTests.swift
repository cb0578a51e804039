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

  /// Issue 14, item 4: the 申请书 is required (条例 art. 16(1)(i)); an opening without one is refused.
  @Test func anOpeningWithoutItsApplicationFormIsRefused() throws {
    let valid = try RuleHarness.run(RequiredMaterials.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(valid.specs.isEmpty)
    let run = try RuleHarness.run(
      RequiredMaterials.id, sample: "valid/bundle/muzidawei-opening.xml",
      replacing: [("<Kind>APPLICATION_FORM</Kind>", "<Kind>OTHER</Kind>")])
    #expect(run.specs == [FindingSpec("DOC-001", .error, line: run.line(of: "<Materials>"), path: "/RestaurantOpening/Materials")])
    #expect(run.report.findings.filter { $0.ruleID == "DOC-001" }.map(\.value) == ["APPLICATION_FORM"])
  }

  /// Health certificates are not application materials (食品安全法 art. 45(2)): an opening
  /// without them passes DOC-001 (FL-008 and FL-009 look at them on review).
  @Test func healthCertificatesAreNotRequired() throws {
    let run = try RuleHarness.run(
      RequiredMaterials.id, sample: "valid/bundle/muzidawei-opening.xml",
      replacing: [("<Kind>HEALTH_CERTIFICATE</Kind>", "<Kind>OTHER</Kind>"), ("<Kind>HEALTH_CERTIFICATE</Kind>", "<Kind>OTHER</Kind>")])
    #expect(run.specs.isEmpty)
  }

  @Test func aCancellationNeedsItsApplicationForm() throws {
    let valid = try RuleHarness.run(RequiredMaterials.id, sample: "valid/bundle/tianshengjixiang-cancellation-simplified.xml")
    #expect(valid.specs.isEmpty)
    let run = try RuleHarness.run(
      RequiredMaterials.id, sample: "valid/bundle/tianshengjixiang-cancellation-simplified.xml",
      replacing: [("<Kind>APPLICATION_FORM</Kind>", "<Kind>OTHER</Kind>")])
    #expect(run.specs == [FindingSpec("DOC-001", .error, line: run.line(of: "<Materials>"), path: "/RestaurantCancellation/Materials")])
  }

  /// 简易注销 needs the operator's 承诺书 (细则 art 47); an ordinary cancellation does not.
  @Test func aSimplifiedCancellationNeedsItsCommitment() throws {
    let sample = "valid/bundle/tianshengjixiang-cancellation-simplified.xml"
    let run = try RuleHarness.run(RequiredMaterials.id, sample: sample, replacing: [("<Kind>DECLARATION</Kind>", "<Kind>OTHER</Kind>")])
    #expect(run.specs == [FindingSpec("DOC-001", .error, line: run.line(of: "<Materials>"), path: "/RestaurantCancellation/Materials")])
    #expect(run.report.findings.filter { $0.ruleID == "DOC-001" }.map(\.value) == ["DECLARATION"])
    let ordinary = try RuleHarness.run(
      RequiredMaterials.id, sample: sample,
      replacing: [("<Kind>DECLARATION</Kind>", "<Kind>OTHER</Kind>"), ("<Simplified>true<", "<Simplified>false<")])
    #expect(ordinary.specs.isEmpty)
  }
}
