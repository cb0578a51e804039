import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Inputs that once broke an invariant of the packet path (`Fixtures/fuzz/`), replayed through
/// the same check the libFuzzer target makes (`PacketInvariants`).
struct FuzzRegressionTests {
  static let folder = "Tests/OneWindowKitTests/Fixtures/fuzz"

  static var inputs: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.root + "/" + folder)) ?? []
    return names.filter { $0 != "README.md" }.sorted()
  }

  @Test func theFolderHoldsTheKnownInputs() {
    #expect(Self.inputs.count >= 3)
    #expect(Self.inputs.contains("overlong-value.xml"))
  }

  @Test(arguments: inputs)
  func everyInvariantHolds(_ name: String) async throws {
    let bytes = try Repository.bytes(Self.folder + "/" + name)
    #expect(await PacketInvariants().violations(for: bytes) == [])
  }

  /// The hand-made hostile inputs (issue 8's list, `scripts/hostile-cases.py`) hold the same
  /// invariants, registry submission included.
  @Test func everyHostileCaseHoldsTheInvariants() async throws {
    let cases: HostileCases
    switch HostileCases.shared {
    case .success(let made): cases = made
    case .failure(let failure): throw failure
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: cases.folder).sorted()
    #expect(names.count >= 25)
    let invariants = PacketInvariants()
    for name in names {
      #expect(await invariants.violations(for: try cases.bytes(name)) == [], "\(name)")
    }
  }

  /// libxml2 quotes the 3,000-digit value in its message; the XML report cuts it to the report
  /// schema's 2,000 characters, ending in "…", and stays valid.
  @Test func theXMLReportCutsOverlongTextToTheSchemaLimit() throws {
    let oneWindow = RegistryHarness.oneWindow
    let report = oneWindow.validate(
      bytes: try Repository.bytes(Self.folder + "/overlong-value.xml"), name: "overlong-value.xml")
    let finding = try #require(report.findings.first { $0.ruleID == "XSD-1839" })
    #expect(finding.location.path == "/AddressPreFiling/Owner/Organisation/USCC")
    #expect(finding.message.en.unicodeScalars.count > 3000)
    let xml = XMLReportRenderer(oneWindow: oneWindow).render(ValidationRun(packets: [report]))
    let message = try #require(Self.text(of: "MessageEn", in: xml))
    #expect(message.unicodeScalars.count == 2000)
    #expect(message.hasSuffix("…"))
    #expect(message.hasPrefix("Element '{urn:onewindow:prefiling:v1}USCC': [facet 'pattern'] The value '999"))
    #expect(oneWindow.validate(bytes: Array(xml.utf8), name: "report.xml").outcome == .accepted)
  }

  private static func text(of element: String, in xml: String) -> String? {
    guard let start = xml.range(of: "<\(element)>"), let end = xml.range(of: "</\(element)>", range: start.upperBound..<xml.endIndex)
    else { return nil }
    return String(xml[start.upperBound..<end.lowerBound])
  }
}
