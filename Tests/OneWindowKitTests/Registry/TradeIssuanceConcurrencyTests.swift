import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// A three-track bundle (the hotel: business licence, hygiene licence, special-trade licence)
/// issued from two windows at once: no number twice, and no bundle issued while a track is undecided.
struct TradeIssuanceConcurrencyTests {
  let on = RegistryHarness.on

  /// The hotel opening sample with its own packet id and name.
  func hotel(_ index: Int) throws -> PacketSource {
    var text = String(decoding: try Repository.bytes("SampleFilings/valid/tradebundle/hotel-opening.xml"), as: UTF8.self)
    let id = try #require(text.firstMatch(of: /<PacketId>([^<]+)<\/PacketId>/)).1
    text = text.replacingOccurrences(of: "<PacketId>\(id)</PacketId>", with: "<PacketId>HOTEL-CONCURRENT-\(index)</PacketId>")
    return PacketSource(displayName: "hotel-\(index).xml", kind: .memory(bytes: Array(text.utf8)))
  }

  @Test(arguments: StoreBackend.allCases) func twoWindowsIssueThreeTrackBundlesAtOnce(_ backend: StoreBackend) async throws {
    let harness = try RegistryHarness(backend, onDisk: true)
    let other = try harness.reopened()
    let registry = harness.registry
    let applicant = Actor.applicant(try #require(
      String(decoding: try Repository.bytes("SampleFilings/valid/tradebundle/hotel-opening.xml"), as: UTF8.self)
        .firstMatch(of: /<Identity>([^<]+)<\/Identity>/)?.1).description)
    let count = 6
    var numbers: [String] = []
    for index in 1...count {
      let accepted = try await registry.submitBundle(try hotel(index), by: applicant, clock: on("2026-06-08"))
      numbers.append(try #require(accepted.subject, "\(accepted.findings.map(\.message.en))"))
    }
    let inspection = InspectionRecord(inspectedOn: CivilDate("2026-06-09")!, inspectors: ["0301", "0302"])
    for (index, number) in numbers.enumerated() {
      let decisions: [(Track, TrackDecision)] = [
        (.business, .approve()), (Track(rawValue: "HYGIENE")!, .approve(inspection: inspection)),
      ] + (index < 4 ? [(Track(rawValue: "SPECIAL_TRADE")!, .approve(inspection: inspection))] : [])
      for (track, decision) in decisions {
        let receipt = try await registry.decideTrack(number, track: track, decision: decision, by: .clerk("0231"), clock: on("2026-06-09"))
        #expect(receipt.outcome == .accepted, "\(number) \(track): \(receipt.findings.map(\.message.en))")
      }
    }
    let receipts = try await withThrowingTaskGroup(of: (String, Receipt).self) { group in
      for (index, number) in numbers.enumerated() {
        let window = index.isMultiple(of: 2) ? registry : other
        group.addTask { (number, try await window.issueBundle(number, by: .clerk("0250"), clock: on("2026-06-10"))) }
      }
      return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
    }
    let issued = numbers.prefix(4).compactMap { receipts[$0] }
    let held = numbers.suffix(2).compactMap { receipts[$0] }
    #expect(issued.allSatisfy { $0.outcome == .accepted })
    #expect(held.map { $0.findings.map(\.ruleID.rawValue) } == [["RG-003"], ["RG-003"]])
    let usccs = issued.compactMap { $0.licences?.uscc }
    #expect(Set(usccs).count == 4)
    #expect(usccs.allSatisfy { UnifiedSocialCreditCode.hasValidCheckCharacter($0) && $0.hasPrefix("92370202MA") })
    let permits = issued.flatMap { $0.licences?.permits ?? [] }
    #expect(Set(permits.filter { $0.track.rawValue == "HYGIENE" }.map(\.number)) == Set((1...4).map { "青市南卫公字202600000\($0)" }))
    #expect(Set(permits.filter { $0.track.rawValue == "SPECIAL_TRADE" }.map(\.number)) == Set((1...4).map { "青公特旅字202600000\($0)" }))
    // The two with an undecided track issued nothing at all.
    for number in numbers.suffix(2) {
      let detail = try #require(try await registry.bundle(number))
      #expect(detail.summary.status == .underReview)
      #expect(detail.permits == [])
      #expect(detail.summary.uscc == nil)
    }
    let verification = try await registry.verifyAudit()
    #expect(verification.isIntact, "\(verification.problems.map(\.description))")
  }

  /// Both windows issue the same approved hotel at once: one issues its three certificates, the
  /// other is refused, and no number is taken twice.
  @Test(arguments: StoreBackend.allCases) func twoWindowsIssueTheSameBundleOnce(_ backend: StoreBackend) async throws {
    let harness = try RegistryHarness(backend, onDisk: true)
    let other = try harness.reopened()
    let registry = harness.registry
    let applicant = Actor.applicant(try #require(
      String(decoding: try Repository.bytes("SampleFilings/valid/tradebundle/hotel-opening.xml"), as: UTF8.self)
        .firstMatch(of: /<Identity>([^<]+)<\/Identity>/)?.1).description)
    let accepted = try await registry.submitBundle(try hotel(1), by: applicant, clock: on("2026-06-08"))
    let number = try #require(accepted.subject)
    let inspection = InspectionRecord(inspectedOn: CivilDate("2026-06-09")!, inspectors: ["0301", "0302"])
    for (track, decision) in [
      (Track.business, TrackDecision.approve()), (Track(rawValue: "HYGIENE")!, .approve(inspection: inspection)),
      (Track(rawValue: "SPECIAL_TRADE")!, .approve(inspection: inspection)),
    ] {
      _ = try await registry.decideTrack(number, track: track, decision: decision, by: .clerk("0231"), clock: on("2026-06-09"))
    }
    let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
      for window in [registry, other] {
        group.addTask { try await window.issueBundle(number, by: .clerk("0250"), clock: on("2026-06-10")) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(receipts.filter { $0.outcome == .accepted }.count == 1)
    #expect(receipts.filter { $0.outcome == .rejected }.map { $0.findings.map(\.ruleID.rawValue) } == [["RG-003"]])
    let permits = try #require(try await registry.bundle(number)?.permits)
    #expect(permits.count == 3)
    #expect(Set(permits.map(\.number)).count == 3)
  }

  /// A change and a cancellation of the same issued certificates filed at two windows at once:
  /// exactly one is accepted, the other is told a case is in progress.
  @Test(arguments: StoreBackend.allCases) func aChangeAndACancellationRaceForTheSameCertificates(_ backend: StoreBackend) async throws {
    let harness = try RegistryHarness(backend, onDisk: true)
    let other = try harness.reopened()
    let registry = harness.registry
    let operatorID = "370202199003151428"
    let opening = String(decoding: try Repository.bytes("SampleFilings/valid/tradebundle/bookshop-opening.xml"), as: UTF8.self)
    let opened = try await registry.submitBundle(
      PacketSource(displayName: "open.xml", kind: .memory(bytes: Array(opening.utf8))), by: .applicant(operatorID), clock: on("2026-06-01"))
    let number = try #require(opened.subject)
    for track in [Track.business, Track(rawValue: "PUBLICATION")!] {
      _ = try await registry.decideTrack(number, track: track, decision: .approve(), by: .clerk("0231"), clock: on("2026-06-02"))
    }
    let issued = try await registry.issueBundle(number, by: .clerk("0250"), clock: on("2026-06-03"))
    let uscc = try #require(issued.licences?.uscc)
    func filed(_ name: String) throws -> PacketSource {
      let text = String(decoding: try Repository.bytes("SampleFilings/valid/tradebundle/\(name).xml"), as: UTF8.self)
        .replacingOccurrences(of: "92370202MA7L4D6B4H", with: uscc)
        .replacingOccurrences(of: "新出发市南零字第2025000137", with: "新出发市南零字第2026000001")
      return PacketSource(displayName: name, kind: .memory(bytes: Array(text.utf8)))
    }
    let change = try filed("bookshop-change-publication-scope")
    let cancellation = try filed("bookshop-cancellation")
    let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
      group.addTask { try await registry.submitBundle(change, by: .applicant(operatorID), clock: on("2026-09-07")) }
      group.addTask { try await other.submitBundle(cancellation, by: .applicant(operatorID), clock: on("2026-09-07")) }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(receipts.filter { $0.outcome == .accepted }.count == 1)
    #expect(receipts.filter { $0.outcome == .rejected }.map { $0.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) } == [["RG-003"]])
  }
}
