import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// The catalogue: ids unique, sorted, well-formed, every rule file registered and tested, no
/// retired id reused, every rule documented in both languages with a hint and a basis.
struct RuleRegistryTests {
  static let ruleFiles: [String] = Repository.files(under: "Sources/OneWindowRules/Rules", suffix: ".swift")
  static let testFiles: [String] = Repository.files(under: "Tests/OneWindowRulesTests/Rules", suffix: "Tests.swift")

  private func typeName(_ rule: Any.Type) -> String { String(describing: rule) }

  @Test func idsAreUniqueSortedAndWellFormed() {
    let ids = RuleRegistry.all.map { $0.id }
    #expect(Set(ids).count == ids.count)
    #expect(ids == ids.sorted())
    #expect(RuleRegistry.pairRules.map { $0.id } == ["BD-001", "BD-002", "BD-003", "BD-004", "BD-005", "BD-006", "BD-007"])
    for id in ids { #expect(id.isRuleShaped, "\(id)") }
    #expect(Set(ids).isDisjoint(with: SystemRules.all.map(\.id)))
    #expect(Set(ids).isDisjoint(with: RegistryRules.all.map(\.id)))
    #expect(Set(RegistryRules.all.map(\.id)).count == RegistryRules.all.count)
    #expect(ids.count >= 40)
  }

  @Test func retiredIdsAreNeverReused() {
    let ids = Set(RuleRegistry.catalogue.map(\.id))
    for retired in RuleRegistry.retired { #expect(!ids.contains(retired), "\(retired) is retired") }
  }

  @Test func everyRuleFileIsRegisteredAndEveryRuleHasATestFile() {
    let registered = Set(RuleRegistry.all.map(typeName))
    let files = Set(Self.ruleFiles.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
    #expect(files == registered, "unregistered: \(files.subtracting(registered)), missing files: \(registered.subtracting(files))")
    let tests = Set(Self.testFiles.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
    for name in registered { #expect(tests.contains(name + "Tests"), "\(name) has no \(name)Tests.swift") }
  }

  @Test func everyRuleIsDocumentedInBothLanguages() {
    for rule in RuleRegistry.catalogue {
      for text in [rule.summary, rule.message, rule.hint, rule.legalBasis] {
        #expect(!text.zh.isEmpty && !text.en.isEmpty, "\(rule.id)")
        #expect(text.zh != text.en, "\(rule.id) is not translated")
      }
    }
  }
}
