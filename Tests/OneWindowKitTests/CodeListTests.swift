import Foundation
import FoundationXML
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Every code list in the XSDs (every `xs:enumeration`, in every schema under `Schemas/`) has
/// its Swift counterpart with the same codes in the same order, and the same Chinese and English
/// labels where the Swift side has labels. The XSDs are enumerated, so a list added to a schema
/// without its Swift counterpart (or the other way round) fails here.
struct CodeListTests {
  /// One enumeration of the XSDs: its name (the simple type's, or the enclosing element's for an
  /// anonymous type), its file, and its values with their zh/en documentation.
  struct XSDList {
    var name: String
    var file: String
    var values: [(code: String, zh: String, en: String)]
  }

  static let xsdLists: [XSDList] = {
    var lists: [XSDList] = []
    for file in Repository.files(under: "Schemas", suffix: ".xsd") {
      guard let data = try? Data(contentsOf: URL(fileURLWithPath: Repository.path(file))),
        let document = try? XMLDocument(data: data)
      else { continue }
      let types = (try? document.nodes(forXPath: "//*[local-name()='simpleType'][*[local-name()='restriction']/*[local-name()='enumeration']]")) ?? []
      for case let type as XMLElement in types {
        let name = type.attribute(forName: "name")?.stringValue
          ?? (type.parent as? XMLElement)?.attribute(forName: "name")?.stringValue ?? "?"
        var values: [(String, String, String)] = []
        for case let value as XMLElement in (try? type.nodes(forXPath: "*[local-name()='restriction']/*[local-name()='enumeration']")) ?? [] {
          let docs = (try? value.nodes(forXPath: ".//*[local-name()='documentation']")) ?? []
          values.append((
            value.attribute(forName: "value")?.stringValue ?? "", docs.first?.stringValue ?? "",
            docs.dropFirst().first?.stringValue ?? ""))
        }
        lists.append(XSDList(name: name, file: file, values: values))
      }
    }
    return lists
  }()

  /// A Swift list: codes in order, labels when the Swift side has them.
  struct SwiftList {
    var codes: [String]
    var labels: [LocalizedText]?
  }

  static func list<T: CodeList>(_ type: T.Type) -> SwiftList {
    SwiftList(codes: T.allCases.map(\.rawValue), labels: T.allCases.map(\.label))
  }

  /// Where each XSD list lives in Swift, by the list's name.
  static let swift: [String: SwiftList] = [
    "IdDocumentType": list(IdDocumentType.self), "Channel": list(Channel.self), "PlannedUse": list(PlannedUse.self),
    "PropertyProofType": list(PropertyProofType.self), "MaterialKind": list(MaterialKind.self),
    "PremisesKind": list(PremisesKind.self), "MultiLicenceMode": list(MultiLicenceMode.self),
    "UnitFeature": list(UnitFeature.self), "ConsolidationAction": list(ConsolidationAction.self),
    "Commitment": list(Commitment.self), "EntityType": list(EntityType.self), "Activity": list(Activity.self),
    "CompositionForm": list(CompositionForm.self), "OperatorCategory": list(OperatorCategory.self),
    "CateringSubtype": list(CateringSubtype.self), "OperatorCategoryNote": list(OperatorCategoryNote.self),
    "FoodItem": list(FoodItem.self),
    "FoodItemNote": list(FoodItemNote.self), "DedicatedSpaceKind": list(DedicatedSpaceKind.self),
    "DedicatedSpacePurpose": list(DedicatedSpacePurpose.self), "StaffRole": list(StaffRole.self),
    "ChangeField": list(ChangeField.self), "CancellationReason": list(CancellationReason.self),
    "BundleKind": list(BundleKind.self), "DecisionKind": list(DecisionKind.self),
    "InspectionResult": list(InspectionResult.self), "ActorRole": list(ActorRole.self),
    "OutcomeCode": SwiftList(codes: Outcome.allCases.map(\.code), labels: nil),
    "SeverityCode": SwiftList(codes: Severity.allCases.reversed().map { $0.rawValue.uppercased() }, labels: nil),
    "RuleStageCode": SwiftList(codes: RuleStage.allCases.map(\.code), labels: RuleStage.allCases.map(\.label)),
    "SubdistrictCode": SwiftList(
      codes: RegistryHarness.oneWindow.policy.subdistricts.keys.sorted(),
      labels: RegistryHarness.oneWindow.policy.subdistricts.keys.sorted().map { LocalizedText($0, $0) }),
    "SchemaVersion": SwiftList(codes: [PacketHeader.schemaVersion], labels: nil),
    "Action": SwiftList(codes: ReplayScenario.Action.allCases.map(\.rawValue), labels: nil),
  ]

  @Test func everyXSDListHasItsSwiftCounterpart() {
    let names = Set(Self.xsdLists.map(\.name))
    #expect(Self.xsdLists.count >= 30)
    #expect(names == Set(Self.swift.keys), "XSD only: \(names.subtracting(Self.swift.keys)), Swift only: \(Set(Self.swift.keys).subtracting(names))")
  }

  @Test(arguments: xsdLists.map(\.name))
  func codesAndLabelsAgree(_ name: String) throws {
    let xsd = try #require(Self.xsdLists.first { $0.name == name })
    let swift = try #require(Self.swift[name], "\(name) (\(xsd.file)) has no Swift counterpart")
    #expect(swift.codes == xsd.values.map(\.code), "\(name): codes differ")
    if name == "SubdistrictCode" {
      // The Swift table holds the Chinese names only.
      #expect(xsd.values.map(\.zh) == xsd.values.map { RegistryHarness.oneWindow.policy.subdistricts[$0.code] ?? "" })
    } else if let labels = swift.labels {
      #expect(labels == xsd.values.map { LocalizedText(zh: $0.zh, en: $0.en) }, "\(name): labels differ")
    }
  }
}
