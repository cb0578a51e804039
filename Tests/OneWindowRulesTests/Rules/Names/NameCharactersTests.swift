import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

struct NameCharactersTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(NameCharacters.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(NameCharacters.id, sample: "invalid/bundle/bl-004-name-latin-letters.xml")
    #expect(run.specs == [
      FindingSpec("BL-004", .error, line: run.line(of: "<FullName>"), path: "/RestaurantOpening/BusinessName/FullName")
    ])
  }

  /// Arabic digits are not 规范汉字 (名称规定 art. 5): rejected unless the policy allows them.
  @Test func rejectsArabicDigitsByDefault() throws {
    let run = try RuleHarness.run(
      NameCharacters.id, sample: "valid/bundle/muzidawei-opening.xml",
      replacing: [("<FullName>市南区木滋嗒味餐饮店</FullName>", "<FullName>市南区木滋嗒味8号餐饮店</FullName>")])
    #expect(run.specs == [
      FindingSpec("BL-004", .error, line: run.line(of: "<FullName>"), path: "/RestaurantOpening/BusinessName/FullName")
    ])
    #expect(RegistryHarness.oneWindow.policy.nameArabicDigits == .reject)
  }

  @Test func thePolicyMayAllowArabicDigits() async throws {
    let oneWindow = try RuleHarness.oneWindow(editingPolicy: [(#""nameArabicDigits": "REJECT""#, #""nameArabicDigits": "ALLOW""#)])
    let packet = try RegistryHarness.source(
      "SampleFilings/valid/bundle/muzidawei-opening.xml",
      replacing: [("<FullName>市南区木滋嗒味餐饮店</FullName>", "<FullName>市南区木滋嗒味8号餐饮店</FullName>")])
    let report = await oneWindow.validate([packet], options: ValidationOptions(jobs: 1, asOf: RuleHarness.asOf))[0]
    #expect(!report.findings.contains { $0.ruleID == "BL-004" })
  }

  /// Characters of the 通用规范汉字表 outside the basic block (extension B: 𬌗) and 〇 are Chinese.
  @Test func acceptsCharactersBeyondTheBasicBlock() throws {
    let run = try RuleHarness.run(
      NameCharacters.id, sample: "valid/bundle/muzidawei-opening.xml",
      replacing: [("<FullName>市南区木滋嗒味餐饮店</FullName>", "<FullName>市南区木滋〇𬌗餐饮店</FullName>")])
    #expect(run.specs.isEmpty)
  }
}
