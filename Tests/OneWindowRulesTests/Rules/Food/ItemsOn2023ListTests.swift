import OneWindowKit
import OneWindowTestSupport
import Testing

/// The 2023 measures (SAMR order 78): the 2015 items 特殊食品销售, 其他类食品销售, 其他类食品制售 and
/// the note 含冷藏冷冻食品 are no longer on the list.
struct ItemsOn2023ListTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ItemsOn2023List.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ItemsOn2023List.id, sample: "invalid/bundle/fl-016-items-from-the-2015-list.xml")
    #expect(run.specs == [
      FindingSpec(
        "FL-016", .error, line: run.line(of: "<Item code=\"BULK_SALES\">"), path: "/RestaurantOpening/FoodLicence/Items/Item[2]"),
      FindingSpec(
        "FL-016", .error, line: run.line(of: "<Item code=\"SPECIAL_FOOD_SALES\"/>"),
        path: "/RestaurantOpening/FoodLicence/Items/Item[3]/@code"),
    ])
  }

  /// 预包装食品销售 is FL-015's, not reported twice.
  @Test func leavesPrepackagedSalesToFL015() throws {
    let run = try RuleHarness.run(ItemsOn2023List.id, sample: "invalid/bundle/fl-015-prepackaged-sales-as-licence-item.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func isNotInForceBeforeTheMeasures() throws {
    let run = try RuleHarness.run(
      ItemsOn2023List.id, sample: "invalid/bundle/fl-016-items-from-the-2015-list.xml",
      asOf: CivilDate(year: 2023, month: 11, day: 30)!)
    #expect(run.specs.isEmpty)
  }
}
