import OneWindowKit
import OneWindowTestSupport
import Testing

struct NameDivisionTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(NameDivision.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(NameDivision.id, sample: "invalid/bundle/bl-002-name-division-not-shinan.xml")
    #expect(run.specs == [
      FindingSpec("BL-002", .error, line: run.line(of: "<Division>"), path: "/RestaurantOpening/BusinessName/Division")
    ])
  }

  /// 2008 measures art. 7: the 乡镇, 街道, 行政村, 社区 or 市场 of the premises may follow the district.
  @Test(arguments: ["市南区八大峡街道", "青岛市市南区中山路街道", "市南区太平路社区", "市南区团岛农贸市场"])
  func acceptsAPlaceAfterTheDistrict(division: String) throws {
    let run = try RuleHarness.run(
      NameDivision.id, sample: "valid/bundle/muzidawei-opening.xml",
      replacing: [("<FullName>市南区木滋嗒味餐饮店</FullName>", "<FullName>\(division)木滋嗒味餐饮店</FullName>"),
                  ("<Division>市南区</Division>", "<Division>\(division)</Division>")])
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAPlaceThatIsNoneOfThose() throws {
    let run = try RuleHarness.run(
      NameDivision.id, sample: "valid/bundle/muzidawei-opening.xml",
      replacing: [("<FullName>市南区木滋嗒味餐饮店</FullName>", "<FullName>市南区湖北路木滋嗒味餐饮店</FullName>"),
                  ("<Division>市南区</Division>", "<Division>市南区湖北路</Division>")])
    #expect(run.specs == [
      FindingSpec("BL-002", .error, line: run.line(of: "<Division>"), path: "/RestaurantOpening/BusinessName/Division")
    ])
  }
}
