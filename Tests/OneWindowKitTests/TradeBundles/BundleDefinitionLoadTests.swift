import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Loading and checking definitions: the shipped ones load, a trade added from a folder works, and
/// each kind of broken definition is refused with its own problem while the others keep working.
struct BundleDefinitionLoadTests {
  let oneWindow = RegistryHarness.oneWindow

  /// The codes of the problems `options` give a florist definition checked beside the shipped ones.
  func problems(_ change: (inout FloristFixture.Options) -> Void) throws -> [DefinitionProblem] {
    var options = FloristFixture.Options()
    change(&options)
    let fixture = try FloristFixture(options)
    defer { fixture.remove() }
    return oneWindow.checkBundleDefinition(file: fixture.definition, against: oneWindow.bundleDefinitions).problems
  }

  @Test func theShippedDefinitionsLoadAndNoneIsRefused() {
    let definitions = oneWindow.bundleDefinitions
    #expect(definitions.loaded.map(\.id) == ["bookshop", "hotel", "restaurant", "utility-connection"])
    #expect(definitions.refused.isEmpty)
    #expect(definitions.definition("hotel")?.departments.count == 3)
    #expect(definitions.definition("utility-connection")?.tracks.count == 12)
    #expect(definitions.definition("utility-connection")?.departments.count == 9)
    #expect(definitions.definition("utility-connection")?.tracks.contains { $0.id == .business } == false)
  }

  /// The restaurant's definition says what the policy and the Swift engine do.
  @Test func theRestaurantDefinitionAgreesWithThePolicy() throws {
    let restaurant = try #require(oneWindow.bundleDefinitions.definition("restaurant"))
    let policy = oneWindow.policy
    for kind in [BundleKind.opening, .change, .cancellation] {
      #expect(restaurant.timeLimits.workingDays(for: kind) == policy.dueWorkingDays(for: kind))
    }
    #expect(restaurant.track(.food)?.inspectors == policy.minimumInspectors)
    #expect(restaurant.track(.food)?.validity == .years(policy.foodLicenceValidityYears))
    #expect(restaurant.track(.business)?.validity == .indefinite)
    #expect(restaurant.packets.families == ["RestaurantOpening", "RestaurantChange", "RestaurantCancellation"])
    #expect(oneWindow.bundleDefinitions.definition(mappedFamily: "RestaurantChange")?.id == "restaurant")
  }

  @Test func aNewTradeFromAFolderPassesAndLoads() throws {
    let fixture = try FloristFixture()
    defer { fixture.remove() }
    #expect(oneWindow.checkBundleDefinition(file: fixture.definition, against: oneWindow.bundleDefinitions).passed)
    let added = oneWindow.addingDefinitions(from: [fixture.folder])
    #expect(added.bundleDefinitions.loaded.map(\.id) == ["bookshop", "florist", "hotel", "restaurant", "utility-connection"])
    let report = added.validate(bytes: Array(FloristFixture.opening().utf8), name: "florist.xml")
    #expect(report.outcome == .accepted)
    #expect(report.findings.isEmpty)
    let small = added.validate(bytes: Array(FloristFixture.opening(area: "3").utf8), name: "florist.xml")
    #expect(small.findings.map(\.ruleID.rawValue) == ["FW-001"])
    #expect(small.findings.first?.location.path == "/TradeBundle/Part[2]/FloristPart/StallArea")
    #expect(small.findings.first?.location.line == 29)
    // Without the folder, the same packet names an unknown definition.
    #expect(oneWindow.validate(bytes: Array(FloristFixture.opening().utf8), name: "florist.xml").findings.map(\.ruleID.rawValue) == ["TB-001"])
  }

  @Test func aMissingTrackSchemaIsRefused() throws {
    let problems = try problems { $0.schema = "florist/Missing-v1.xsd" }
    #expect(problems.map(\.code) == ["schema-missing"])
    #expect(problems.first?.message.en.hasPrefix("the XSD florist/Missing-v1.xsd of track FLOWERS does not exist") == true)
  }

  @Test func anUnknownRuleIsRefused() throws {
    let problems = try problems { $0.rule = "ZZ-999" }
    #expect(problems.map(\.code) == ["unknown-rule"])
    #expect(problems.first?.message.en == "track BUSINESS names the rule ZZ-999, which this release's catalogue does not have (a code rule needs a release)")
  }

  @Test func aNumberPrefixOverlappingAnotherDefinitionsIsRefused() throws {
    let problems = try problems { $0.prefix = "青公特旅字" }
    #expect(problems.map(\.code) == ["prefix-collision"])
    #expect(problems.first?.message.en == "the number prefix 青公特旅字 of track FLOWERS overlaps hotel/SPECIAL_TRADE (青公特旅字): numbers could repeat")
    #expect(try self.problems { $0.prefix = "YJS-9" }.map(\.code) == ["prefix-collision"])
  }

  @Test func aTrackWithNoDecisionPathIsRefused() throws {
    let problems = try problems { $0.decision = "" }
    #expect(problems.map(\.code) == ["no-decision-path"])
    #expect(problems.first?.line == 24)  // the FLOWERS track
    #expect(try self.problems { $0.decision = #"<Decision role="INSPECTOR"/>"# }.map(\.code) == ["no-decision-path"])
  }

  /// A track schema lies below its definition: never an absolute path or one climbing out, and
  /// the message does not say whether such a file exists.
  @Test func aTrackSchemaOutsideTheDefinitionsFolderIsRefused() throws {
    for path in ["../../../../etc/passwd", "/etc/passwd", "florist/../../outside.xsd"] {
      let problems = try problems { $0.schema = path }
      #expect(problems.map(\.code) == ["schema-missing"], "\(path)")
      #expect(problems.first?.message.en == "the XSD \(path) of track FLOWERS must be a relative path below the definition's folder")
    }
  }

  @Test func theSharedAllocatorsBelongToTheirLicences() throws {
    #expect(try problems { $0.prefix = "青南花字"; $0.schema = "florist/FloristPart-v1.xsd"; $0.businessAllocator = "SEQUENCE\" prefix=\"青南营字" }
      .map(\.code) == ["allocator-track"])
    #expect(try problems { $0.flowersAllocator = "USCC" }.map(\.code) == ["allocator-track"])
    #expect(try problems { $0.flowersAllocator = "FOOD_JY" }.map(\.code) == ["allocator-track"])
  }

  /// Numbers a definition gives are bounded by its schema, so none can exhaust the service.
  @Test func unboundedNumbersAreNotValid() throws {
    #expect(try problems { $0.digits = "99" }.map(\.code) == ["not-valid"])
    #expect(try problems { $0.years = "100000" }.map(\.code) == ["not-valid"])
  }

  @Test func aCycleOfTracksIsRefused() throws {
    let problems = try problems { $0.businessAfter = "<After>FLOWERS</After>" }
    #expect(problems.map(\.code) == ["cycle"])
  }

  @Test func aDeclaredIdTakenByAnotherRuleIsRefused() throws {
    #expect(try problems { $0.checkID = "FL-004" }.map(\.code) == ["check-id-taken"])
    #expect(try problems { $0.checkID = "BK-001" }.map(\.code) == ["check-id-taken"])
  }

  @Test func aDefinitionNotValidAgainstItsSchemaIsRefusedWithTheLine() throws {
    let problems = try problems { $0.id = "Florist Shop" }
    #expect(problems.map(\.code) == ["not-valid"])
    #expect(problems.first?.line == 3)
  }

  /// A broken definition never stops the others: it is refused and listed; the rest load.
  @Test func aBrokenDefinitionIsRefusedAndTheOthersKeepWorking() throws {
    var broken = FloristFixture.Options()
    broken.decision = ""
    let fixture = try FloristFixture(broken)
    defer { fixture.remove() }
    let added = oneWindow.addingDefinitions(from: [fixture.folder])
    #expect(added.bundleDefinitions.loaded.map(\.id) == ["bookshop", "hotel", "restaurant", "utility-connection"])
    #expect(added.bundleDefinitions.refused.map(\.file) == [fixture.definition])
    let report = added.validate(bytes: Array(FloristFixture.opening().utf8), name: "florist.xml")
    #expect(report.findings.map(\.ruleID.rawValue) == ["TB-001"])
    #expect(report.findings.first?.message.en.hasPrefix("the bundle definition florist was refused when loaded") == true)
    #expect(try SystemRuleHarness.ids(ofSample: "valid/tradebundle/bookshop-opening.xml") == [])
  }
}
