import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// `Documentation/Rules.md` is generated from the catalogue and must match it.
struct RuleCatalogueTests {
  @Test func documentationMatchesTheCatalogue() throws {
    let markdown = RuleCatalogue.markdown(RuleCatalogue.entries(samplesFolder: Repository.samples))
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
}
