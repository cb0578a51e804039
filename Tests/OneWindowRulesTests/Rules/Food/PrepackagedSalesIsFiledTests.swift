import OneWindowKit
import OneWindowTestSupport
import Testing

/// 食品安全法 art. 35(1) (2021): selling only prepackaged food is filed, not licensed; the 2015 item
/// 预包装食品销售 may not be applied for.
struct PrepackagedSalesIsFiledTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(PrepackagedSalesIsFiled.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(PrepackagedSalesIsFiled.id, sample: "invalid/bundle/fl-015-prepackaged-sales-as-licence-item.xml")
    #expect(run.specs == [
      FindingSpec(
        "FL-015", .error, line: run.line(of: "<Item code=\"PREPACKAGED_SALES\"/>"),
        path: "/RestaurantOpening/FoodLicence/Items/Item[2]/@code")
    ])
    #expect(run.report.findings.first?.message.zh.contains("无需另行备案") == true)
  }

  /// An applicant who sells only prepackaged food is told to file instead.
  @Test func tellsAPrepackagedOnlySellerToFile() throws {
    let run = try RuleHarness.run(
      PrepackagedSalesIsFiled.id, sample: "invalid/bundle/fl-015-prepackaged-sales-as-licence-item.xml",
      replacing: [("      <Item code=\"HOT_FOOD\"/>\n", "")])
    #expect(run.specs == [
      FindingSpec(
        "FL-015", .error, line: run.line(of: "<Item code=\"PREPACKAGED_SALES\"/>"),
        path: "/RestaurantOpening/FoodLicence/Items/Item/@code")
    ])
    #expect(run.report.findings.first?.message.zh.contains("应当办理备案") == true)
  }

  /// The 2023 item that includes prepackaged food is a licence item.
  @Test func acceptsBulkAndPrepackagedSales() throws {
    let run = try RuleHarness.run(
      PrepackagedSalesIsFiled.id, sample: "invalid/bundle/fl-015-prepackaged-sales-as-licence-item.xml",
      replacing: [("PREPACKAGED_SALES", "BULK_AND_PREPACKAGED_SALES")])
    #expect(run.specs.isEmpty)
  }

  /// Before the 2021 amendment the item was a licence item.
  @Test func isNotInForceBeforeTheAmendment() throws {
    let run = try RuleHarness.run(
      PrepackagedSalesIsFiled.id, sample: "invalid/bundle/fl-015-prepackaged-sales-as-licence-item.xml",
      asOf: CivilDate(year: 2021, month: 4, day: 28)!)
    #expect(run.specs.isEmpty)
  }
}
