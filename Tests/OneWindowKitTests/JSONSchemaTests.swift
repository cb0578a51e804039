import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// The JSON Schemas in `Schemas/json` are sound draft 2020-12 and strict (every object closed,
/// its required keys named), and their code lists are the codes the library writes.
struct JSONSchemaTests {
  @Test func theSchemasAreSoundAndStrict() throws {
    let stems = JSONSchemas.stems
    #expect(stems.count == 41)
    #expect(try Python.run(script: "scripts/json-schemas.py", arguments: ["lint"]) == "\(stems.count) schemas, 0 problems\n")
  }

  /// `Schemas/json/common.schema.json`'s `$defs`: each code list, as written.
  func codeLists() throws -> [String: [String]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path("Schemas/json/common.schema.json")))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let definitions = try #require(object["$defs"] as? [String: [String: Any]])
    return definitions.compactMapValues { $0["enum"] as? [String] }
  }

  @Test func theCodeListsAreTheCodesWritten() throws {
    let lists = try codeLists()
    let expected: [String: [String]] = [
      "Severity": Severity.allCases.map(\.code), "Outcome": Outcome.allCases.map(\.code),
      "RuleStage": RuleStage.allCases.map(\.code), "NotEvaluated": ["REGISTRY", "ATTACHMENTS"],
      "FindingCategory": FindingCategory.allCases.map(\.rawValue), "ActorRole": ActorRole.allCases.map(\.rawValue),
      "PreFilingStatus": PreFilingStatus.allCases.map(\.code), "BundleStatus": BundleStatus.allCases.map(\.code),
      "TrackStatus": TrackStatus.allCases.map(\.code), "BundleKind": BundleKind.allCases.map(\.rawValue),
      "PlannedUse": PlannedUse.allCases.map(\.rawValue), "PropertyProofType": PropertyProofType.allCases.map(\.rawValue),
      "Activity": Activity.allCases.map(\.rawValue), "ChangeField": ChangeField.allCases.map(\.rawValue),
      "CompositionForm": CompositionForm.allCases.map(\.rawValue), "OperatorCategory": OperatorCategory.allCases.map(\.rawValue),
      "OperatorCategoryNote": OperatorCategoryNote.allCases.map(\.rawValue), "FoodItem": FoodItem.allCases.map(\.rawValue),
      "InspectionResult": InspectionResult.allCases.map(\.rawValue), "AccountKind": AccountKind.allCases.map(\.rawValue),
      "ClerkRole": ClerkRole.allCases.map(\.rawValue), "IdentityType": IdentityType.allCases.map(\.rawValue),
      "ReplayAction": ReplayScenario.Action.allCases.map(\.rawValue), "AuditArea": AuditVerification.Problem.Area.allCases.map(\.code),
    ]
    #expect(lists.keys.sorted() == expected.keys.sorted())
    for (name, codes) in expected.sorted(by: { $0.key < $1.key }) {
      #expect(lists[name].map { Set($0) } == Set(codes), "\(name)")
      #expect(lists[name]?.count == codes.count, "\(name)")
    }
    // NotEvaluated has no allCases: both of its codes, as findings write them.
    #expect([NotEvaluated.registry, .attachments].map(\.rawValue) == ["REGISTRY", "ATTACHMENTS"])
  }
}
