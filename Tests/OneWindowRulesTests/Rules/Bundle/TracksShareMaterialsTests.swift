import OneWindowKit
import OneWindowTestSupport
import Testing

struct TracksShareMaterialsTests {
  @Test func acceptsTracksThatAgree() throws {
    // The food manifest also lists M-4…M-9, which the business one does not: not a conflict.
    #expect(try PairRuleHarness.run(TracksShareMaterials.id).specs.isEmpty)
  }

  @Test func flagsOneIdWithDifferentContentAtTheFirstDifferingField() throws {
    let run = try PairRuleHarness.run(
      TracksShareMaterials.id,
      editingFood: [
        ("<SHA256>978932d56827ec078fe0f121e29197bbd4eaa7288ccfedecedaa0cb9bb4d8aaa</SHA256>",
         "<SHA256>0000000000000000000000000000000000000000000000000000000000000000</SHA256>")
      ])
    #expect(run.specs == [
      FindingSpec("BD-006", .error, line: run.line(of: "<SHA256>0000"), path: "/FoodLicenceApplication/Materials/Material[2]/SHA256")
    ])
    let finding = try #require(run.report.findings.first)
    #expect(finding.message.en == "material M-2 differs between the tracks: SHA-256")
    #expect(finding.message.zh == "材料 M-2 在两条审批线上不同：SHA-256")
    #expect(finding.value == "M-2")
  }

  @Test func namesEveryDifferingField() throws {
    let run = try PairRuleHarness.run(
      TracksShareMaterials.id,
      editingFood: [("<Title>三江里东厢1号门户入驻协议</Title>", "<Title>入驻协议</Title>"), ("<Pages>5</Pages>", "<Pages>6</Pages>")])
    #expect(run.specs == [
      FindingSpec("BD-006", .error, line: run.line(of: "<Title>入驻协议</Title>"), path: "/FoodLicenceApplication/Materials/Material[2]/Title")
    ])
    #expect(run.report.findings.first?.message.en == "material M-2 differs between the tracks: title, pages")
    #expect(run.report.findings.first?.message.zh == "材料 M-2 在两条审批线上不同：名称、页数")
  }

  @Test func flagsOneFileUnderTwoIds() throws {
    let run = try PairRuleHarness.run(
      TracksShareMaterials.id, editingBusiness: [(#"<Material id="M-3">"#, #"<Material id="M-30">"#)])
    #expect(run.specs == [
      FindingSpec("BD-006", .error, line: run.line(of: "<FileName>operator-id.pdf"), path: "/FoodLicenceApplication/Materials/Material[3]/FileName")
    ])
    #expect(run.report.findings.first?.message.en == "file 'operator-id.pdf' is material M-30 on the business track and M-3 on the food track")
  }
}
