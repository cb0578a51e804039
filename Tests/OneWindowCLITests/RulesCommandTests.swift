import Foundation
import OneWindowTestSupport
import Testing

struct RulesCommandTests {
  @Test func listsTheCatalogue() throws {
    let result = try CommandRunner.run(["rules"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "AM-001   error   预备案变更至少包含一项变更内容。")
    #expect(lines.contains("FL-004   warning 冷食类、生食类、冷加工糕点、冷荤类等项目设有相应专间。"))
    #expect(lines.last?.hasPrefix("共 ") == true)
  }

  @Test func printsTheCatalogueAsJSONWithAtLeastFortyRules() throws {
    let result = try CommandRunner.run(["rules", "--format", "json"])
    #expect(result.status == 0)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count >= 40)
  }

  @Test func printsTheMarkdownOfTheDocumentation() throws {
    let result = try CommandRunner.run(["rules", "--format", "markdown"])
    let stored = String(decoding: try Repository.bytes("Documentation/Rules.md"), as: UTF8.self)
    #expect(result.stdout == stored)
  }

  @Test func showsOneRuleWithAFailingAndAPassingExample() throws {
    let result = try CommandRunner.run(["rules", "FL-004"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("FL-004  warning  food  审查\n"))
    #expect(result.stdout.contains("不通过的示例：SampleFilings/invalid/bundle/fl-004-cold-food-without-room.xml\n  SampleFilings/invalid/bundle/fl-004-cold-food-without-room.xml:69: warning: [FL-004] "))
    #expect(result.stdout.contains("通过的示例：SampleFilings/valid/"))
  }

  @Test func rejectsAnUnknownRuleAsAUsageError() throws {
    let result = try CommandRunner.run(["rules", "ZZ-999"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("错误：没有规则 'ZZ-999'；`onewindow rules` 列出全部规则。\n"))
  }
}
