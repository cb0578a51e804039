import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Fix hints speak the applicant's language: a field is named by its label, never by an XML
/// element name or path, and no hint points into this repository.
struct HintWordingTests {
  /// Element and attribute names declared by the schemas (`FamilyMembers`, `Covers`, `type`).
  static let schemaNames: Set<String> = {
    var names: Set<String> = []
    let folder = URL(fileURLWithPath: Repository.schemas)
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "xsd" } ?? []
    let declaration = /<xs:(?:element|attribute) name="([A-Za-z][A-Za-z0-9]*)"/
    for file in files {
      guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
      for match in text.matches(of: declaration) { names.insert(String(match.1)) }
    }
    return names
  }()

  /// What a hint may not contain, or nil when it is clean.
  static func problem(in hint: String, chinese: Bool) -> String? {
    if hint.contains(/<[^<>\s]+>/) || hint.contains("urn:") { return "an XML tag or namespace" }
    if let path = hint.firstMatch(of: /\b(Data|Schemas|Sources|Documentation|SampleFilings|Tests)\//) { return "the path \(path.0)" }
    if let file = hint.firstMatch(of: /[A-Za-z0-9_-]+\.(json|xsd|swift|md|xml)\b/), file.0 != "packet.xml" {
      return "the file \(file.0)"
    }
    for match in hint.matches(of: /\b([A-Za-z][A-Za-z0-9]*)\/([A-Za-z][A-Za-z0-9]*)\b/)
    where schemaNames.contains(String(match.1)) || schemaNames.contains(String(match.2)) {
      return "the element path \(match.0)"
    }
    for match in hint.matches(of: /\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/) where match.0 != "OneWindow" {
      return "the element-like name \(match.0)"
    }
    if let code = hint.firstMatch(of: /\b[A-Z]+_[A-Z_]+\b/) { return "the code \(code.0)" }
    // Chinese text names a field by its label: a schema name in it is an element name.
    if chinese {
      for match in hint.matches(of: /[A-Za-z][A-Za-z0-9]*/) where schemaNames.contains(String(match.0)) {
        return "the element name \(match.0)"
      }
    }
    return nil
  }

  @Test func theCheckCatchesElementNamesPathsAndRepositoryFiles() {
    #expect(Self.schemaNames.contains("FamilyMembers") && Self.schemaNames.contains("Covers"))
    for (hint, chinese) in [
      ("在 FamilyMembers 中填写", true), ("在证明的 Covers 中列出", true), ("Put it in Header/Resubmits.", false),
      ("见 Data/policy.json。", true), ("应为 urn:onewindow:<类型>:v1", true), ("Declare a COLD_FOOD room.", false),
      ("see Documentation/Schemas.md", false),
    ] {
      #expect(Self.problem(in: hint, chinese: chinese) != nil, "\(hint)")
    }
    for (hint, chinese) in [
      ("把 packet.xml 与附件放在压缩包的最上层。", true), ("a Hong Kong/Macao/Taiwan residence permit", false),
      ("请在“专间与专用操作区”中申报专间。", true), ("Premises outside Shinan are registered elsewhere.", false),
      ("The file is not a OneWindow packet.", false),
    ] {
      #expect(Self.problem(in: hint, chinese: chinese) == nil, "\(hint)")
    }
  }

  @Test func everyCatalogueHintNamesFieldsByTheirLabels() {
    // The checks the shipped bundle definitions declare are catalogued rules too.
    for rule in RuleRegistry.catalogue + RegistryHarness.oneWindow.bundleDefinitions.declaredRules.map(\.rule) {
      for (text, chinese) in [(rule.hint.zh, true), (rule.hint.en, false)] {
        let problem = Self.problem(in: text, chinese: chinese)
        #expect(problem == nil, "\(rule.id): \(problem ?? "") in “\(text)”")
      }
    }
  }

  /// The hints libxml2's findings get (schema and well-formedness) in every invalid sample.
  @Test func everySchemaFindingHintNamesFieldsByTheirLabels() throws {
    let oneWindow = try OneWindow(schemasFolder: Repository.schemas, dataFolder: Repository.data)
    let reports = oneWindow.validate(Samples.packets(under: "SampleFilings/invalid"), options: ValidationOptions())
    var checked = 0
    for report in reports {
      for finding in report.findings where finding.category == .schema || finding.category == .wellFormedness {
        checked += 1
        for (text, chinese) in [(finding.hint?.zh ?? "", true), (finding.hint?.en ?? "", false)] {
          let problem = Self.problem(in: text, chinese: chinese)
          #expect(problem == nil, "\(report.source) [\(finding.ruleID)]: \(problem ?? "") in “\(text)”")
        }
      }
    }
    #expect(checked > 50)
  }

  @Test func aSchemaFindingHintNamesTheFieldByItsLabel() throws {
    let oneWindow = try OneWindow(schemasFolder: Repository.schemas, dataFolder: Repository.data)
    let source = try #require(Samples.source(named: "SampleFilings/invalid/registration/activity-description-too-long.xml"))
    let report = try #require(oneWindow.validate([source], options: ValidationOptions()).first)
    let finding = try #require(report.findings.first { $0.ruleID.rawValue == "XSD-1832" })
    #expect(finding.hint?.zh == "请按填写要求更正“经营活动说明”一项（应为短文本：1 至 100 个字符，首尾空白不计）后重新提交。")
    #expect(finding.hint?.en == "Correct 'Description of the activity' as the packet's field guide requires, then submit again.")
  }
}
