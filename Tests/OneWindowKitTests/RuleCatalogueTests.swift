import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// `Documentation/Rules.md` is generated from the catalogue and must match it.
struct RuleCatalogueTests {
  @Test func documentationMatchesTheCatalogue() throws {
    let markdown = RuleCatalogue.markdown(
      RuleCatalogue.entries(samplesFolder: Repository.samples, definitions: RegistryHarness.oneWindow.bundleDefinitions))
    let stored = try #require(
      try Golden.expected(at: "Documentation/Rules.md", actual: markdown),
      "Documentation/Rules.md is missing; run with ONEWINDOW_UPDATE_GOLDENS=1")
    #expect(stored == markdown, "Documentation/Rules.md is stale; regenerate it (see its first lines)")
  }

  @Test func listsEveryRuleWithBothLanguagesAHintAndABasis() throws {
    let entries = RuleCatalogue.entries()
    #expect(entries.count == RuleRegistry.all.count + SystemRules.all.count + RegistryRules.all.count)
    #expect(entries.map(\.rule.id) == RuleRegistry.catalogue.map(\.id))
    #expect(entries.filter { $0.input != "system" }.count >= 40)
    let json = try JSONSerialization.jsonObject(with: Data(RuleCatalogue.json(entries).utf8)) as? [[String: Any]]
    let first = try #require(json?.first)
    let rule = try #require(first["rule"] as? [String: Any])
    for key in ["summary", "message", "hint", "legalBasis"] {
      let text = try #require(rule[key] as? [String: String], "\(key)")
      #expect(text["zh"]?.isEmpty == false && text["en"]?.isEmpty == false)
    }
  }

  @Test func namesAFailingSampleForEveryPacketRuleThatNeedsNothingElse() {
    let entries = RuleCatalogue.entries(samplesFolder: Repository.samples)
    for entry in entries where entry.input == "packet" && entry.rule.severity != .info {
      #expect(entry.failingExample != nil, "\(entry.rule.id) has no failing sample")
    }
  }

  /// Every id of the one catalogue has its descriptor there and a test file of its own: a
  /// business rule's `<TypeName>Tests.swift`, or, for an input check (`SEC`, `ENC`, `PKT`) and a
  /// registry operation rule (`RG`), a file whose first documentation line names the id
  /// (`/// RG-005: …`).
  @Test func everyIdHasADescriptorAndATestFile() throws {
    let ids: [String] = RuleRegistry.catalogue.map { $0.id.rawValue }
    let unique = Set(ids)
    #expect(unique.count == ids.count, "an id has two descriptors")
    var described: Set<String> = []
    for rule in RuleRegistry.all { described.insert(rule.id.rawValue) }
    for descriptor in SystemRules.all + RegistryRules.all { described.insert(descriptor.id.rawValue) }
    #expect(unique == described)
    let missing: [String] = try Self.idsWithoutATestFile()
    #expect(missing.isEmpty, "ids without a test file of their own: \(missing)")
  }

  /// 行政许可法 arts 32 and 34: which rules are judged in review (审查) rather than at acceptance
  /// (受理). A rule moving between the stages changes what a window refuses, so it shows here.
  @Test func theReviewStageHoldsExactlyTheSubstantiveConditions() {
    let review = RuleRegistry.catalogue.filter { $0.stage == .review }.map(\.id.rawValue).sorted()
    #expect(review == [
      "BL-002", "BL-003", "BL-004", "BL-005", "BL-006", "BL-007", "BL-008", "BL-011", "BL-014", "CA-001", "CA-002",
      "CH-003", "CH-004", "FL-001", "FL-002", "FL-003", "FL-004", "FL-005", "FL-006", "FL-007", "FL-008", "FL-009",
      "FL-010", "FL-012", "FL-013", "FL-014", "FL-017", "PF-002", "PF-003", "PF-006", "PF-007", "PF-008", "PR-001", "PR-002",
      "PR-003", "PR-005", "PR-006", "TR-005", "TR-006",
    ])
    // Input checks and registry operations are always acceptance checks.
    #expect((SystemRules.all + RegistryRules.all).allSatisfy { $0.stage == .acceptance })
  }

  static func idsWithoutATestFile() throws -> [String] {
    let testFiles = Repository.files(under: "Tests", suffix: "Tests.swift")
    var names: Set<String> = []
    var documented: [String: Int] = [:]
    for file in testFiles {
      names.insert(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
      let text = String(decoding: try Repository.bytes(file), as: UTF8.self)
      guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("/// ") }) else { continue }
      let id = String(line.dropFirst(4).prefix { $0 != ":" })
      if RuleID(id).isRuleShaped { documented[id, default: 0] += 1 }
    }
    var missing: [String] = []
    for rule in RuleRegistry.all where !names.contains("\(rule)Tests") { missing.append(rule.id.rawValue) }
    for descriptor in SystemRules.all + RegistryRules.all where documented[descriptor.id.rawValue] != 1 {
      missing.append(descriptor.id.rawValue)
    }
    return missing.sorted()
  }
}
