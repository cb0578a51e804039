import OneWindowKit
import OneWindowTestSupport
import Testing

/// BL-013 (issue 12, fault 3): a 字号 in a trade is one operator's in the district.
struct NameFreeInDistrictTests {
  let sample = "valid/bundle/muzidawei-opening.xml"

  func bundle(operatorID: String, tradeName: String = "木滋嗒味", industry: String = "餐饮") -> RelatedBundle {
    RelatedBundle(
      number: "YJS-370202-2026-000007", operatorIdentity: operatorID, businessName: "市南区\(tradeName)\(industry)店",
      premisesKey: "elsewhere", tradeName: tradeName, industry: industry, status: "issued")
  }

  @Test func acceptsAFreeName() throws {
    var facts = RegistryFacts()
    facts.relatedBundles = [bundle(operatorID: "370202197805122312", industry: "茶饮")]
    let run = try RuleHarness.run(NameFreeInDistrict.id, sample: sample, registry: facts)
    #expect(run.specs.isEmpty)
  }

  @Test func flagsANameAnotherOperatorHoldsInTheSameTrade() throws {
    var facts = RegistryFacts()
    facts.relatedBundles = [bundle(operatorID: "370202197805122312")]
    let run = try RuleHarness.run(NameFreeInDistrict.id, sample: sample, registry: facts)
    #expect(run.specs == [FindingSpec("BL-013", .error, line: run.line(of: "<TradeName>"), path: "/RestaurantOpening/BusinessName/TradeName")])
    #expect(run.report.findings.first?.message.zh == "字号“木滋嗒味”在餐饮行业已由“市南区木滋嗒味餐饮店”使用（YJS-370202-2026-000007）")
  }

  @Test func theOperatorsOwnBundleIsForOneShopOneLicencePair() throws {
    var facts = RegistryFacts()
    facts.relatedBundles = [bundle(operatorID: "370203199008231423")]
    let run = try RuleHarness.run(NameFreeInDistrict.id, sample: sample, registry: facts)
    #expect(run.specs.isEmpty)
  }
}
