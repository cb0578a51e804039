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
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-data-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.data), to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let policy = folder.appendingPathComponent("policy.json")
    let text = try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(
      of: #""operatorDocumentTypes": ["RESIDENT_ID","#, with: #""operatorDocumentTypes": ["PASSPORT", "RESIDENT_ID","#)
    try Data(text.utf8).write(to: policy)
    let oneWindow = try OneWindow(schemasFolder: Repository.schemas, dataFolder: folder.path)
    #expect(oneWindow.policy.allowedOperatorDocumentTypes.contains(.passport))
    let sample = RegistryHarness.source("SampleFilings/invalid/bundle/bl-014-operator-passport.xml")
    let admitted = await oneWindow.validate([sample], options: ValidationOptions(jobs: 1, asOf: RuleHarness.asOf))[0]
    #expect(!admitted.findings.contains { $0.ruleID == "BL-014" })
    let standard = await RegistryHarness.oneWindow.validate([sample], options: ValidationOptions(jobs: 1, asOf: RuleHarness.asOf))[0]
    #expect(standard.findings.filter { $0.ruleID == "BL-014" }.count == 1)
  }
}
