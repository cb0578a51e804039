import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

struct OperatorEligibleTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(OperatorEligible.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAPassportHolder() throws {
    let run = try RuleHarness.run(OperatorEligible.id, sample: "invalid/bundle/bl-014-operator-passport.xml")
    #expect(run.specs == [
      FindingSpec("BL-014", .error, line: run.line(of: "E98765432"), path: "/RestaurantOpening/Operator/IdDocument")
    ])
  }

  /// The document types are policy data: a bureau that confirms Chinese passports adds PASSPORT.
  @Test func thePolicyMayAdmitPassports() async throws {
    let oneWindow = try RuleHarness.oneWindow(editingPolicy: [
      (#""operatorDocumentTypes": ["RESIDENT_ID","#, #""operatorDocumentTypes": ["PASSPORT", "RESIDENT_ID","#)
    ])
    #expect(oneWindow.policy.allowedOperatorDocumentTypes.contains(.passport))
    let sample = RegistryHarness.source("SampleFilings/invalid/bundle/bl-014-operator-passport.xml")
    let admitted = await oneWindow.validate([sample], options: ValidationOptions(jobs: 1, asOf: RuleHarness.asOf))[0]
    #expect(!admitted.findings.contains { $0.ruleID == "BL-014" })
    let standard = await RegistryHarness.oneWindow.validate([sample], options: ValidationOptions(jobs: 1, asOf: RuleHarness.asOf))[0]
    #expect(standard.findings.filter { $0.ruleID == "BL-014" }.count == 1)
  }
}
