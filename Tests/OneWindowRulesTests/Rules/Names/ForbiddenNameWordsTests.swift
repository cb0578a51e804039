import OneWindowKit
import OneWindowTestSupport
import Testing

struct ForbiddenNameWordsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ForbiddenNameWords.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ForbiddenNameWords.id, sample: "invalid/bundle/bl-005-name-forbidden-word.xml")
    #expect(run.specs == [
      FindingSpec("BL-005", .error, line: run.line(of: "<FullName>"), path: "/RestaurantOpening/BusinessName/FullName")
    ])
  }

  /// 企业名称登记管理规定 art. 12 lists 中央 with 中国, 中华, 全国 and 国家.
  @Test func flagsTheWordCentral() throws {
    let run = try RuleHarness.run(
      ForbiddenNameWords.id, sample: "invalid/bundle/bl-005-name-forbidden-word.xml",
      replacing: [("市南区中华吉祥烤鸭店", "市南区中央吉祥烤鸭店"), ("<TradeName>中华吉祥</TradeName>", "<TradeName>中央吉祥</TradeName>")])
    #expect(run.specs == [
      FindingSpec("BL-005", .error, line: run.line(of: "<FullName>"), path: "/RestaurantOpening/BusinessName/FullName")
    ])
  }
}
