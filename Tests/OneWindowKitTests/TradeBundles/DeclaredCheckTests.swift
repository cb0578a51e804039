import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Every check a shipped definition declares, each with its own failing sample (named after its id
/// under `SampleFilings/invalid/tradebundle/`) that gives exactly that id, at a line and path, and a
/// passing sample of its definition that does not give it. A bureau's new check is data; this test
/// holds it to the same standard as a Swift rule.
struct DeclaredCheckTests {
  static let declared: [String] = RegistryHarness.oneWindow.bundleDefinitions.declaredRules.map(\.rule.id.rawValue)

  @Test func theShippedDefinitionsDeclareChecks() {
    #expect(Self.declared.count == 16)
    #expect(Set(Self.declared).count == Self.declared.count)
  }

  @Test(arguments: declared) func failsItsSampleAndPassesItsDefinitionsOpening(_ id: String) throws {
    let folder = Repository.path("SampleFilings/invalid/tradebundle")
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix(id.lowercased() + "-") && $0.hasSuffix(".xml") },
      "no failing sample for \(id)")
    let report = RegistryHarness.oneWindow.validate(bytes: try Repository.bytes("SampleFilings/invalid/tradebundle/" + name), name: name)
    let own = report.findings.filter { $0.severity != .info }
    #expect(own.map(\.ruleID.rawValue) == [id])
    #expect(own.first?.location.line != nil)
    #expect(own.first?.location.path?.hasPrefix("/TradeBundle/") == true)
    let definition = try #require(RegistryHarness.oneWindow.bundleDefinitions.loaded.first { $0.checks.contains { $0.id.rawValue == id } })
    let passing = RegistryHarness.oneWindow.validate(
      bytes: try Repository.bytes("SampleFilings/valid/tradebundle/\(definition.id)-opening.xml"), name: "opening.xml")
    #expect(!passing.findings.contains { $0.ruleID.rawValue == id })
    #expect(passing.outcome == .accepted)
  }
}
