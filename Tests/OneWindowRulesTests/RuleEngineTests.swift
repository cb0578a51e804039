import OneWindowKit
import OneWindowTestSupport
import Testing

/// The engine: registry rules never pass silently, rules run only while in force, settings apply.
struct RuleEngineTests {
  @Test func reportsOneInfoPerRegistryRuleWithoutARegistry() throws {
    let oneWindow = try #require(RuleHarness.oneWindow)
    let bytes = try Repository.bytes("SampleFilings/valid/registration/taixingli-zhanqiao-media.xml")
    let report = oneWindow.validate(bytes: bytes, name: "r.xml", options: ValidationOptions(asOf: RuleHarness.asOf))
    let registryRules = RuleRegistry.all.filter { $0.input == .registry && $0.appliesTo.contains(.tenantRegistration) }
    let infos = report.findings.filter { $0.message.en.hasPrefix("not evaluated: no registry") }
    #expect(Set(infos.map(\.ruleID)) == Set(registryRules.map { $0.id }))
    #expect(infos.count == registryRules.count)
    #expect(infos.allSatisfy { $0.severity == .info })
  }

  @Test func runsOnlyRulesInForceOnTheReferenceDate() throws {
    var expired = USCCCheckCharacter.descriptor
    expired.effectiveTo = CivilDate(year: 2020, month: 12, day: 31)
    #expect(!expired.isInForce(on: RuleHarness.asOf))
    #expect(expired.isInForce(on: CivilDate(year: 2020, month: 6, day: 1)!))
    var future = expired
    future.effectiveTo = nil
    future.effectiveFrom = CivilDate(year: 2027, month: 1, day: 1)
    #expect(!future.isInForce(on: RuleHarness.asOf))
  }

  @Test func honoursDisabledRulesAndSeverityOverrides() throws {
    let oneWindow = try #require(RuleHarness.oneWindow)
    let bytes = try Repository.bytes("SampleFilings/invalid/prefiling/id-001-uscc-check-character.xml")
    let disabled = oneWindow.validate(
      bytes: bytes, name: "p.xml",
      options: ValidationOptions(asOf: RuleHarness.asOf, rules: RuleSettings(disabled: ["ID-001"])))
    #expect(disabled.outcome == .accepted)
    let softened = oneWindow.validate(
      bytes: bytes, name: "p.xml",
      options: ValidationOptions(asOf: RuleHarness.asOf, rules: RuleSettings(severities: ["ID-001": .warning])))
    #expect(softened.findings.filter { $0.ruleID == "ID-001" }.map(\.severity) == [.warning])
    #expect(softened.outcome == .accepted)
  }

  @Test func leavesSchemaInvalidPacketsToTheSchema() throws {
    let oneWindow = try #require(RuleHarness.oneWindow)
    let bytes = try Repository.bytes("SampleFilings/invalid/prefiling/uscc-too-short.xml")
    let report = oneWindow.validate(bytes: bytes, name: "p.xml", options: ValidationOptions(asOf: RuleHarness.asOf))
    #expect(report.findings.map(\.ruleID.rawValue) == ["XSD-1839"])
  }
}
