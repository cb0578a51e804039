import Foundation
@testable import OneWindowKit
import OneWindowTestSupport
import Testing
@testable import OneWindowValidation

/// `split` turns an opening into two applications valid against their own schemas; `assemble`
/// turns them back into the same opening, or reports how they disagree.
struct TrackSplitTests {
  /// The openings among the valid bundle samples.
  static let openings: [String] = Samples.names(under: "SampleFilings/valid/bundle").filter { name in
    let text = (try? Repository.bytes(name)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return text.contains("<RestaurantOpening")
  }

  static let pairBusiness = "SampleFilings/pairs/fushunzhai-inconsistent.business.xml"
  static let pairFood = "SampleFilings/pairs/fushunzhai-inconsistent.food.xml"

  private func oneWindow() throws -> OneWindow { try #require(RuleHarness.oneWindow) }

  /// Parses a packet the way every check does (schema, then the mapper) and returns it typed.
  private func parsed(_ bytes: [UInt8], name: String) throws -> ParsedPacket {
    let checker = try PacketChecker(
      schemas: try oneWindow().schemas, policy: try oneWindow().policy, options: SampleOptions.standard)
    return try #require(checker.check(bytes: bytes, name: name).parsed, "\(name) is not schema-valid")
  }

  /// Every element path of a packet, in document order: what its `NodeRef`s stand for.
  private func paths(_ packet: ParsedPacket) -> [String] {
    (0..<packet.sourceMap.count).map { packet.sourceMap.path(of: NodeRef(index: Int32($0))) ?? "?" }
  }

  @Test func theSamplesHoldThreeOpenings() {
    #expect(Self.openings == [
      "SampleFilings/valid/bundle/fushunzhai-opening.xml", "SampleFilings/valid/bundle/muzidawei-opening.xml",
      "SampleFilings/valid/bundle/tianshengjixiang-opening.xml",
    ])
  }

  @Test(arguments: openings)
  func splitsIntoTwoApplicationsValidAgainstTheirOwnSchemas(name: String) throws {
    let oneWindow = try oneWindow()
    let split = try oneWindow.split(
      bytes: try Repository.bytes(name), name: name, bundleNumber: "YJS-370202-2026-000009")
    let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
    #expect(split.businessFileName == stem + ".business.xml")
    #expect(split.foodFileName == stem + ".food.xml")
    for (bytes, fileName, family, root) in [
      (split.business, split.businessFileName, "business", "BusinessLicenceApplication"),
      (split.food, split.foodFileName, "food", "FoodLicenceApplication"),
    ] {
      let report = oneWindow.validate(bytes: bytes, name: fileName, options: SampleOptions.standard)
      #expect(report.family == family)
      #expect(report.root == root)
      #expect(report.outcome == .accepted)
      // Schema, rules, materials: nothing but the infos every valid sample has without a registry.
      let notable = report.findings.filter { $0.severity != .info }
      #expect(notable.isEmpty, "\(fileName): \(notable.map { "\($0.ruleID) \($0.message.en)" })")
      #expect(String(decoding: bytes.prefix(39), as: UTF8.self) == #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n")
    }
    let original = try parsed(try Repository.bytes(name), name: name)
    guard case .opening(let opening) = original.packet,
      case .businessApplication(let business) = try parsed(split.business, name: split.businessFileName).packet,
      case .foodApplication(let food) = try parsed(split.food, name: split.foodFileName).packet
    else {
      Issue.record("not an opening and its two applications")
      return
    }
    #expect(business.header.packetID == opening.header.packetID + "-BL")
    #expect(food.header.packetID == opening.header.packetID + "-FL")
    #expect(business.header.createdAt == opening.header.createdAt)
    #expect(business.bundleNumber == "YJS-370202-2026-000009")
    #expect(food.bundleNumber == "YJS-370202-2026-000009")
    #expect(business.agent?.name == opening.agent?.name)
    #expect(food.agent?.document.number == opening.agent?.document.number)
    #expect(business.core.operatorInfo.document.number == opening.core.operatorInfo.document.number)
    #expect(food.food.items.map(\.item) == opening.food.items.map(\.item))
    #expect(food.materials.map(\.id) == opening.materials.map(\.id))
  }

  @Test func theBusinessApplicationLeavesOutOnlyTheFoodPartsMaterials() throws {
    let oneWindow = try oneWindow()
    let split = try oneWindow.split(
      bytes: try Repository.bytes("SampleFilings/valid/bundle/fushunzhai-opening.xml"), name: "fushunzhai.xml")
    guard case .businessApplication(let business) = try parsed(split.business, name: "b.xml").packet,
      case .foodApplication(let food) = try parsed(split.food, name: "f.xml").packet
    else {
      Issue.record("not the two applications")
      return
    }
    // M-4…M-8 are the layout plan, equipment list, safety rules and two health certificates;
    // M-2 (entry agreement) and M-3 (power of attorney) serve the shared premises and agent.
    #expect(business.materials.map(\.id) == ["M-1", "M-2", "M-3", "M-9"])
    #expect(business.materials.map(\.kind) == [.applicationForm, .entryAgreement, .powerOfAttorney, .idProof])
    #expect(food.materials.map(\.id) == ["M-1", "M-2", "M-3", "M-4", "M-5", "M-6", "M-7", "M-8", "M-9"])
    #expect(business.bundleNumber == nil)
    #expect(food.agent?.powerOfAttorney.id == "M-3")
  }

  @Test func splitsLikeTheHandWrittenTrackSamples() throws {
    // SampleFilings/valid/business and food hold the 天晟吉祥 applications as written by hand:
    // the split has the same manifests.
    let oneWindow = try oneWindow()
    let split = try oneWindow.split(
      bytes: try Repository.bytes("SampleFilings/valid/bundle/tianshengjixiang-opening.xml"), name: "t.xml",
      bundleNumber: "YJS-370202-2026-000001")
    let handBusiness = try parsed(try Repository.bytes("SampleFilings/valid/business/tianshengjixiang-business.xml"), name: "b.xml")
    let handFood = try parsed(try Repository.bytes("SampleFilings/valid/food/tianshengjixiang-food.xml"), name: "f.xml")
    #expect(try parsed(split.business, name: "b.xml").packet.materials.map(\.id) == handBusiness.packet.materials.map(\.id))
    #expect(try parsed(split.food, name: "f.xml").packet.materials.map(\.id) == handFood.packet.materials.map(\.id))
  }

  /// Compared: the typed packets (`Packet`, which is `Hashable` over every mapped value,
  /// including each value's `NodeRef`), and the element paths of both source maps. A `NodeRef`
  /// is an element's index in document order, so equal packets could hide a shifted element;
  /// equal path lists rule that out: every value was read from the element at the same path on
  /// both sides. Lines are not compared (they are not part of the packet; the sample's leading
  /// comment is not carried over, so they differ by one).
  @Test(arguments: openings, [nil, "YJS-370202-2026-000009"])
  func assemblingTheSplitGivesBackAnEquivalentBundle(name: String, bundleNumber: String?) throws {
    let oneWindow = try oneWindow()
    let bytes = try Repository.bytes(name)
    let split = try oneWindow.split(bytes: bytes, name: name, bundleNumber: bundleNumber)
    let assembly = try oneWindow.assemble(
      business: split.business, businessName: split.businessFileName, food: split.food, foodName: split.foodFileName)
    #expect(assembly.findings == [])
    #expect(assembly.outcome == .accepted)
    let assembled = try #require(assembly.bundle)

    let original = try parsed(bytes, name: name)
    let back = try parsed(assembled, name: "assembled.xml")
    #expect(back.packet == original.packet)
    #expect(paths(back) == paths(original))
    // The comparison is not vacuous: the packet points at real elements.
    guard case .opening(let opening) = back.packet else {
      Issue.record("not an opening")
      return
    }
    #expect(paths(back).count > 60)
    #expect(back.sourceMap.path(of: opening.core.operatorInfo.node) == "/RestaurantOpening/Operator")
    #expect(back.sourceMap.path(of: opening.materials.last?.node ?? .none) == "/RestaurantOpening/Materials/Material[\(opening.materials.count)]")
  }

  @Test func assemblesTwoSeparatelyPreparedApplications() throws {
    // The hand-written 天晟吉祥 applications: the business one lists only its own materials.
    let oneWindow = try oneWindow()
    let assembly = try oneWindow.assemble(
      business: try Repository.bytes("SampleFilings/valid/business/tianshengjixiang-business.xml"), businessName: "b.xml",
      food: try Repository.bytes("SampleFilings/valid/food/tianshengjixiang-food.xml"), foodName: "f.xml")
    #expect(assembly.findings == [])
    let back = try parsed(try #require(assembly.bundle), name: "assembled.xml")
    let original = try parsed(try Repository.bytes("SampleFilings/valid/bundle/tianshengjixiang-opening.xml"), name: "o.xml")
    guard case .opening(var opening) = back.packet, case .opening(let expected) = original.packet else {
      Issue.record("not openings")
      return
    }
    // The header is the business application's (no -BL suffix to remove); the rest is the bundle.
    #expect(opening.header.packetID == "BL-TSJX-2026-0001")
    #expect(opening.header.createdAt == "2026-04-22T10:05:00+08:00")
    opening.header = expected.header
    #expect(opening == expected)
    #expect(paths(back) == paths(original))
  }

  @Test func reportsEveryInconsistencyOfAPairWithLineAndPath() throws {
    let oneWindow = try oneWindow()
    let assembly = try oneWindow.assemble(
      business: try Repository.bytes(Self.pairBusiness), businessName: Self.pairBusiness,
      food: try Repository.bytes(Self.pairFood), foodName: Self.pairFood)
    #expect(assembly.bundle == nil)
    #expect(assembly.outcome == .rejected)
    #expect(assembly.findings.map(FindingSpec.init) == [
      FindingSpec("BD-001", .error, line: 15, path: "/FoodLicenceApplication/Operator"),
      FindingSpec("BD-003", .error, line: 29, path: "/FoodLicenceApplication/Premises/PreFiled"),
      FindingSpec("BD-006", .error, line: 161, path: "/FoodLicenceApplication/Materials/Material[9]/SHA256"),
    ])
    #expect(assembly.findings.map { $0.location.file } == Array(repeating: Self.pairFood, count: 3))
    let renderer = TextReportRenderer(language: .en)
    #expect(assembly.findings.map(renderer.line(for:)) == [
      "\(Self.pairFood):15: error: [BD-001] business track: 孙宏伟 (370202198306193532); food track: 孙宏伟 (370202198306193559) (/FoodLicenceApplication/Operator)",
      "\(Self.pairFood):29: error: [BD-003] business track YBA-370202-2026-000001/U-101/91370202MA3C5Y7R9D/2026-06-01-2029-05-31, food track YBA-370202-2026-000001/U-102/91370202MA3C5Y7R9D/2026-06-01-2029-05-31 (/FoodLicenceApplication/Premises/PreFiled)",
      "\(Self.pairFood):161: error: [BD-006] material M-9 differs between the tracks: SHA-256 (/FoodLicenceApplication/Materials/Material[9]/SHA256)",
    ])
    // The same findings as the pair check on its own.
    let tracks = try oneWindow.checkTracks(
      business: try Repository.bytes(Self.pairBusiness), businessName: Self.pairBusiness,
      food: try Repository.bytes(Self.pairFood), foodName: Self.pairFood)
    #expect(tracks == assembly.findings)
  }

  @Test func eachPacketOfTheInconsistentPairIsValidOnItsOwn() throws {
    let oneWindow = try oneWindow()
    for name in [Self.pairBusiness, Self.pairFood] {
      let report = oneWindow.validate(bytes: try Repository.bytes(name), name: name, options: SampleOptions.standard)
      #expect(report.outcome == .accepted)
      #expect(report.findings.filter { $0.severity != .info } == [])
    }
  }

  @Test func disabledPairRulesDoNotStopTheAssembly() throws {
    let oneWindow = try oneWindow()
    let assembly = try oneWindow.assemble(
      business: try Repository.bytes(Self.pairBusiness), businessName: "b.xml",
      food: try Repository.bytes(Self.pairFood), foodName: "f.xml",
      options: ValidationOptions(rules: RuleSettings(disabled: ["BD-001", "BD-003", "BD-006"])))
    #expect(assembly.findings == [])
    // The shared entries and the manifest entries of both come from the business application.
    let back = try parsed(try #require(assembly.bundle), name: "assembled.xml")
    guard case .opening(let opening) = back.packet else {
      Issue.record("not an opening")
      return
    }
    #expect(opening.core.operatorInfo.document.number == "370202198306193532")
    #expect(opening.materials.last?.sha256 == "0446c957844fff3b35657b4fd7be4f7e534bd9834df36e360e125ecde25de304")
  }

  @Test func refusesToSplitWhatIsNotASchemaValidOpening() throws {
    let oneWindow = try oneWindow()
    let change = "SampleFilings/valid/bundle/muzidawei-change-name.xml"
    #expect(throws: OneWindowError.cannotSplit("\(change) is a RestaurantChange, not a RestaurantOpening")) {
      try oneWindow.split(bytes: try Repository.bytes(change), name: change)
    }
    let invalid = "SampleFilings/invalid/bundle/operating-area-zero.xml"
    let golden = String(decoding: try Repository.bytes(Samples.goldenPath(for: invalid)), as: UTF8.self)
    let errorLine = try #require(golden.split(separator: "\n").first { $0.contains(": error: [XSD-") })
    let xsdID = try #require(errorLine.firstMatch(of: /\[(XSD-\d+)\]/)?.1)
    let invalidBytes = try Repository.bytes(invalid)
    do throws(OneWindowError) {
      _ = try oneWindow.split(bytes: invalidBytes, name: invalid)
      Issue.record("split a schema-invalid opening")
    } catch {
      guard case .cannotSplit(let reason) = error else { throw error }
      #expect(reason.hasPrefix("\(invalid) is not a schema-valid RestaurantOpening: \(invalid):"))
      #expect(reason.contains("error: [\(xsdID)]"))
    }
    #expect(throws: OneWindowError.cannotSplit("x.xml is not a schema-valid RestaurantOpening: x.xml:1: error: [XML-4] Start tag expected, '<' not found")) {
      try oneWindow.split(bytes: Array("not xml".utf8), name: "x.xml")
    }
  }

  @Test func refusesAMalformedBundleNumber() throws {
    let oneWindow = try oneWindow()
    let name = "SampleFilings/valid/bundle/fushunzhai-opening.xml"
    let bytes = try Repository.bytes(name)
    do throws(OneWindowError) {
      _ = try oneWindow.split(bytes: bytes, name: name, bundleNumber: "YJS-1")
      Issue.record("split with a malformed case number")
    } catch {
      guard case .cannotSplit(let reason) = error else { throw error }
      #expect(reason.hasPrefix("the BusinessLicenceApplication made from \(name) would not be schema-valid: fushunzhai-opening.business.xml:9: error: [XSD-1839]"))
    }
  }

  @Test func refusesToAssembleApplicationsOfTheWrongTrack() throws {
    let oneWindow = try oneWindow()
    let food = try Repository.bytes(Self.pairFood)
    #expect(throws: OneWindowError.notAPair("f1.xml is a FoodLicenceApplication, not a BusinessLicenceApplication")) {
      try oneWindow.assemble(business: food, businessName: "f1.xml", food: food, foodName: "f2.xml")
    }
  }

  @Test func mergesManifestsInBothOrders() {
    func material(_ id: String) -> Material { Material(id: id, kind: .other) }
    let merged = OneWindow.mergedMaterials(
      business: ["M-1", "M-2", "M-5"].map(material), food: ["M-0", "M-1", "M-3", "M-2", "M-4", "M-6"].map(material))
    // Each food-only material follows the one it follows in the food manifest; M-0 follows
    // nothing there, so it goes last.
    #expect(merged.map(\.id) == ["M-1", "M-3", "M-2", "M-4", "M-6", "M-5", "M-0"])
    #expect(merged.map(\.source) == [0, 1, 0, 1, 1, 0, 1])
  }
}
