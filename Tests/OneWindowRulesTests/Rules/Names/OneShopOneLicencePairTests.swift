import OneWindowKit
import OneWindowTestSupport
import Testing

/// BL-012 (issue 12, fault 3): one shop, one licence pair.
struct OneShopOneLicencePairTests {
  let sample = "valid/bundle/muzidawei-opening.xml"
  let operatorID = "370203199008231423"

  func bundle(_ name: String, premises: String, operatorID: String? = nil) -> RelatedBundle {
    RelatedBundle(
      number: "YJS-370202-2026-000001", operatorIdentity: operatorID ?? self.operatorID, businessName: name,
      premisesKey: premises, tradeName: "木滋嗒味", industry: "餐饮", status: "under-review")
  }

  @Test func acceptsAnOperatorsOtherShop() throws {
    var facts = RegistryFacts()
    facts.relatedBundles = [bundle("市南区木滋甲乙餐饮店", premises: "山东省青岛市市南区中山路街道湖北路29号/1/102")]
    let run = try RuleHarness.run(OneShopOneLicencePair.id, sample: sample, registry: facts)
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheSameNameAgain() throws {
    var facts = RegistryFacts()
    facts.relatedBundles = [bundle("市南区木滋嗒味餐饮店", premises: "elsewhere")]
    let run = try RuleHarness.run(OneShopOneLicencePair.id, sample: sample, registry: facts)
    #expect(run.specs == [FindingSpec("BL-012", .error, line: run.line(of: "<FullName>"), path: "/RestaurantOpening/BusinessName/FullName")])
    #expect(run.report.findings.first?.value == "YJS-370202-2026-000001")
  }

  @Test func flagsTheSamePremisesUnderAnotherName() throws {
    var facts = RegistryFacts()
    facts.relatedBundles = [bundle("市南区木滋甲乙餐饮店", premises: "山东省青岛市市南区中山路街道湖北路29号/1/101")]
    let run = try RuleHarness.run(OneShopOneLicencePair.id, sample: sample, registry: facts)
    #expect(run.specs == [FindingSpec("BL-012", .error, line: run.line(of: "<Declared>"), path: "/RestaurantOpening/Premises/Declared")])
  }

  @Test func anotherOperatorsBundleIsForNameFreeInDistrict() throws {
    var facts = RegistryFacts()
    facts.relatedBundles = [bundle("市南区木滋嗒味餐饮店", premises: "山东省青岛市市南区中山路街道湖北路29号/1/101", operatorID: "370202197805122312")]
    let run = try RuleHarness.run(OneShopOneLicencePair.id, sample: sample, registry: facts)
    #expect(run.specs.isEmpty)
  }
}
