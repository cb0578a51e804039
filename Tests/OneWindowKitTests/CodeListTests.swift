import Foundation
import FoundationXML
import OneWindowCore
import OneWindowTestSupport
import Testing

/// The Swift code lists match the XSD code lists: same codes, same Chinese and English labels.
struct CodeListTests {
  /// Enumeration values with their labels, per simple type of CommonTypes-v1.xsd.
  static let xsd: [String: [(String, String, String)]] = {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: Repository.path("Schemas/common/CommonTypes-v1.xsd"))),
      let document = try? XMLDocument(data: data)
    else { return [:] }
    var lists: [String: [(String, String, String)]] = [:]
    for type in (try? document.nodes(forXPath: "/*[local-name()='schema']/*[local-name()='simpleType']")) ?? [] {
      guard let element = type as? XMLElement, let name = element.attribute(forName: "name")?.stringValue else { continue }
      var values: [(String, String, String)] = []
      for value in (try? element.nodes(forXPath: "*[local-name()='restriction']/*[local-name()='enumeration']")) ?? [] {
        guard let valueElement = value as? XMLElement else { continue }
        let docs = (try? valueElement.nodes(forXPath: ".//*[local-name()='documentation']")) ?? []
        values.append((
          valueElement.attribute(forName: "value")?.stringValue ?? "",
          docs.first?.stringValue ?? "", docs.dropFirst().first?.stringValue ?? ""))
      }
      if !values.isEmpty { lists[name] = values }
    }
    return lists
  }()

  private func check<T: CodeList>(_ type: T.Type, _ name: String) {
    let expected = Self.xsd[name] ?? []
    #expect(!expected.isEmpty, "\(name) not found in the XSD")
    #expect(T.allCases.map(\.rawValue) == expected.map(\.0), "\(name): codes differ")
    for (code, zh, en) in expected {
      let label = T(rawValue: code)?.label
      #expect(label == LocalizedText(zh: zh, en: en), "\(name).\(code)")
    }
  }

  @Test func swiftCodeListsEqualTheSchema() {
    check(IdDocumentType.self, "IdDocumentType")
    check(Channel.self, "Channel")
    check(PlannedUse.self, "PlannedUse")
    check(PropertyProofType.self, "PropertyProofType")
    check(MaterialKind.self, "MaterialKind")
    check(PremisesKind.self, "PremisesKind")
    check(MultiLicenceMode.self, "MultiLicenceMode")
    check(UnitFeature.self, "UnitFeature")
    check(ConsolidationAction.self, "ConsolidationAction")
    check(Commitment.self, "Commitment")
    check(EntityType.self, "EntityType")
    check(Activity.self, "Activity")
    check(CompositionForm.self, "CompositionForm")
    check(OperatorCategory.self, "OperatorCategory")
    check(CateringSubtype.self, "CateringSubtype")
    check(FoodItem.self, "FoodItem")
    check(FoodItemNote.self, "FoodItemNote")
    check(DedicatedSpaceKind.self, "DedicatedSpaceKind")
    check(DedicatedSpacePurpose.self, "DedicatedSpacePurpose")
    check(StaffRole.self, "StaffRole")
    check(ChangeField.self, "ChangeField")
    check(CancellationReason.self, "CancellationReason")
    check(BundleKind.self, "BundleKind")
    check(Track.self, "Track")
    check(DecisionKind.self, "DecisionKind")
    check(InspectionResult.self, "InspectionResult")
    check(ActorRole.self, "ActorRole")
  }
}
