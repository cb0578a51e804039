import Foundation
public import OneWindowCore
public import OneWindowRules
public import OneWindowValidation

/// The rule catalogue as text, JSON and Markdown (`Documentation/Rules.md`), from the same
/// descriptors the engine runs.
public enum RuleCatalogue {
  /// Every id of the catalogue (``RuleRegistry/entries``) and the checks `definitions` declare
  /// (input `definition:<id>`), with a failing sample for each when `samplesFolder` has one.
  public static func entries(samplesFolder: String? = nil, definitions: BundleDefinitions = .none) -> [CatalogueEntry] {
    var entries = RuleRegistry.entries
    entries += definitions.declaredRules.map { declared in
      CatalogueEntry(rule: declared.rule, appliesTo: [PacketKind.tradeBundle.rawValue], input: "definition:\(declared.definition)")
    }
    if let samplesFolder {
      let examples = failingExamples(in: samplesFolder)
      for index in entries.indices { entries[index].failingExample = examples[entries[index].rule.id] }
    }
    return entries.sorted { $0.rule.id < $1.rule.id }
  }

  /// Sample packets named after a rule id (`fl-004-…`) under `invalid/`.
  static func failingExamples(in samplesFolder: String) -> [RuleID: String] {
    guard let enumerator = FileManager.default.enumerator(atPath: samplesFolder + "/invalid") else { return [:] }
    var examples: [RuleID: String] = [:]
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if !relative.hasSuffix(".expected.txt") { paths.append(relative) }
    }
    for relative in paths.sorted() {
      let name = relative.split(separator: "/").last.map(String.init) ?? relative
      let parts = name.split(separator: "-")
      guard parts.count >= 2 else { continue }
      let id = RuleID(parts[0].uppercased() + "-" + parts[1])
      if id.isRuleShaped, examples[id] == nil, relative.split(separator: "/").count == 2 {
        examples[id] = "invalid/" + relative
      }
    }
    return examples
  }

  public static func text(_ entries: [CatalogueEntry], language: Language) -> String {
    var lines: [String] = []
    for entry in entries {
      let severity = entry.rule.severity.label.padding(toLength: 7, withPad: " ", startingAt: 0)
      let id = entry.rule.id.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
      lines.append("\(id)\(severity) \(entry.rule.summary.text(in: language))")
    }
    let summary = language == .zh ? "共 \(entries.count) 条规则" : "\(entries.count) rules"
    return (lines + [summary]).joined(separator: "\n") + "\n"
  }

  public static func json(_ entries: [CatalogueEntry]) -> String { JSONReportRenderer.encode(entries) }

  /// One rule in full, for `onewindow rules ID`.
  public static func detail(_ entry: CatalogueEntry, language: Language) -> String {
    let rule = entry.rule
    let zh = language == .zh
    var lines = [
      "\(rule.id)  \(rule.severity.label)  \(rule.category.rawValue)  \(rule.stage.label.text(in: language))",
      rule.summary.text(in: language),
      "",
      (zh ? "提示信息：" : "Message: ") + rule.message.text(in: language),
      (zh ? "修改建议：" : "Fix: ") + rule.hint.text(in: language),
      (zh ? "法律依据：" : "Legal basis: ") + rule.legalBasis.text(in: language),
      (zh ? "适用数据包：" : "Applies to: ") + entry.appliesTo.joined(separator: ", "),
      (zh ? "所需输入：" : "Input: ") + entry.input,
    ]
    if rule.effectiveFrom != nil || rule.effectiveTo != nil {
      lines.append(
        (zh ? "施行期间：" : "In force: ") + "\(rule.effectiveFrom?.description ?? "…") – \(rule.effectiveTo?.description ?? "…")")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `Documentation/Rules.md`.
  public static func markdown(_ entries: [CatalogueEntry]) -> String {
    var out = """
      # OneWindow rule catalogue

      Generated from the rules the engine runs (`RuleRegistry`, `SystemRules`, `RegistryRules`) and the checks the
      bundle definitions of `Data/bundles/` declare (input `definition:<id>`); a test fails when
      this file is stale. Regenerate it with `onewindow rules --format markdown > Documentation/Rules.md`
      (or `ONEWINDOW_UPDATE_GOLDENS=1 swift test --filter RuleCatalogueTests`).

      Ids never change meaning and are never reused. Severity `error` rejects a packet, `warning` and
      `info` do not (`--strict` rejects on warnings). *Input* says what a rule needs besides the packet:
      `registry` rules report one info "not evaluated" when no registry is connected; `attachments`
      rules check files supplied in a packet folder or zip; `pair` rules compare the two per-track
      applications of one bundle; `system` rules are the input policy and packet envelope.

      *Stage* says when a finding is judged (行政许可法 arts 32, 34): `acceptance` (受理: jurisdiction,
      complete and well-formed materials, the registry's own integrity) or `review` (审查: substantive
      conditions). A pre-filing or bundle write refuses only on acceptance errors; review findings go
      to the reviewer of their track (`FL-` rules to the food track, the rest to the business track),
      who approves over an open review error only with a reason starting with its id (`RG-009`).
      Registrations (decided on the spot), amendments, decisions and issuance refuse on every error.

      | Id | Severity | Stage | Category | 规则 | Rule |
      | --- | --- | --- | --- | --- | --- |

      """
    for entry in entries {
      let rule = entry.rule
      out += "| [\(rule.id)](#\(rule.id.rawValue.lowercased())) | \(rule.severity.label) | \(rule.stage.rawValue) | \(rule.category.rawValue) | \(rule.summary.zh) | \(rule.summary.en) |\n"
    }
    for entry in entries {
      let rule = entry.rule
      out += "\n## \(rule.id)\n\n**\(rule.summary.zh)** \(rule.summary.en)\n\n"
      out += "- Severity: `\(rule.severity.label)`; stage: `\(rule.stage.rawValue)` (\(rule.stage.label.zh)); category: `\(rule.category.rawValue)`; input: `\(entry.input)`\n"
      out += "- Applies to: " + entry.appliesTo.map { "`\($0)`" }.joined(separator: ", ") + "\n"
      out += "- 提示 / Message: \(rule.message.zh) / \(rule.message.en)\n"
      out += "- 修改建议 / Fix: \(rule.hint.zh) / \(rule.hint.en)\n"
      out += "- 法律依据 / Legal basis: \(rule.legalBasis.zh) / \(rule.legalBasis.en)\n"
      if rule.effectiveFrom != nil || rule.effectiveTo != nil {
        out += "- In force: \(rule.effectiveFrom?.description ?? "…") – \(rule.effectiveTo?.description ?? "…")\n"
      }
      if let example = entry.failingExample {
        out += "- Failing sample: `SampleFilings/\(example)`\n"
      }
    }
    return out
  }
}
