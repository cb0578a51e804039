import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// A bookshop through the registry on both stores: its own time limit (5 working days, not the
/// restaurant's 2) in the due date and the overdue list, a change reopening only the track it
/// affects, the certificates' standing in the public licence check, and a cancellation ending both.
struct TradeBundleStoryTests {
  let on = RegistryHarness.on
  static let operatorID = "370202199003151428"

  func sample(_ name: String, replacing: [(String, String)] = []) throws -> PacketSource {
    var text = String(decoding: try Repository.bytes("SampleFilings/valid/tradebundle/\(name).xml"), as: UTF8.self)
    for (original, replacement) in replacing { text = text.replacingOccurrences(of: original, with: replacement) }
    return PacketSource(displayName: "\(name).xml", kind: .memory(bytes: Array(text.utf8)))
  }

  @Test(arguments: StoreBackend.allCases) func aBookshopOpensChangesAndCloses(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let opened = try await registry.submitBundle(try sample("bookshop-opening"), by: .applicant(Self.operatorID), clock: on("2026-06-01"))
    let number = try #require(opened.subject, "\(opened.findings.map(\.message.en))")
    // 2026-06-01 is a Monday: five working days later is Monday 2026-06-08.
    #expect(opened.dueOn == CivilDate("2026-06-08"))
    let late = try await registry.overdueBundles(asOf: CivilDate("2026-06-09")!)
    #expect(late.map(\.summary.number) == [number])
    #expect(late.first?.workingDaysLate == 1)
    #expect(try await registry.overdueBundles(asOf: CivilDate("2026-06-05")!).isEmpty)

    let publication = Track(rawValue: "PUBLICATION")!
    // The entering clerk's four eyes and the state checks hold for any track id.
    let unknownTrack = try await registry.decideTrack(
      number, track: Track(rawValue: "FOOD")!, decision: .approve(), by: .clerk("0231"), clock: on("2026-06-02"))
    #expect(unknownTrack.findings.map(\.ruleID.rawValue) == ["RG-004"])
    for track in [Track.business, publication] {
      let decided = try await registry.decideTrack(number, track: track, decision: .approve(), by: .clerk("0231"), clock: on("2026-06-02"))
      #expect(decided.outcome == .accepted, "\(decided.findings.map(\.message.en))")
    }
    let issued = try await registry.issueBundle(number, by: .clerk("0250"), clock: on("2026-06-03"))
    #expect(issued.outcome == .accepted)
    // The receipts (and their 回执) say who and where, from the packet or the recorded case.
    for receipt in [opened, issued] {
      #expect(receipt.particulars?.applicantName == "林晓雯")
      #expect(receipt.particulars?.businessName == "市南区拾页书店")
      #expect(receipt.particulars?.premises == "山东省青岛市市南区湛山路6号101户")
    }
    let uscc = try #require(issued.licences?.uscc)
    #expect(issued.licences?.permits == [Receipt.IssuedPermit(track: publication, number: "新出发市南零字第2026000001")])
    let detail = try #require(try await registry.bundle(number))
    #expect(detail.summary.definition == "bookshop")
    #expect(detail.summary.tracks.map(\.label.zh) == ["营业执照", "出版物经营许可证（出版物零售）"])
    #expect(detail.permits?.map(\.number) == [uscc, "新出发市南零字第2026000001"].sorted())
    #expect(detail.permits?.first { $0.track == publication }?.validUntil == CivilDate("2031-06-02"))
    let standing = try #require(try await registry.licenceStatus("新出发市南零字第2026000001"))
    #expect(standing.kind == "PUBLICATION")
    #expect(standing.status == .valid)
    #expect(standing.name == "市南区拾页书店")

    let current = [("92370202MA7L4D6B4H", uscc), ("新出发市南零字第2025000137", "新出发市南零字第2026000001")]
    let change = try await registry.submitBundle(
      try sample("bookshop-change-publication-scope", replacing: current), by: .applicant(Self.operatorID), clock: on("2026-07-06"))
    let changeNumber = try #require(change.subject, "\(change.findings.map(\.message.en))")
    let changed = try #require(try await registry.bundle(changeNumber))
    #expect(changed.summary.tracks.map(\.track) == [publication])
    // 3 working days for a change, from Monday 2026-07-06.
    #expect(change.dueOn == CivilDate("2026-07-09"))

    // Another case on the same certificates waits while the change is open.
    let early = try await registry.submitBundle(
      try sample("bookshop-change-publication-scope", replacing: current + [("TB-SYYD", "TB-SYYD-AGAIN")]), by: .applicant(Self.operatorID),
      clock: on("2026-07-07"))
    #expect(early.findings.map(\.ruleID.rawValue) == ["RG-003"])
    _ = try await registry.decideTrack(changeNumber, track: publication, decision: .approve(), by: .clerk("0231"), clock: on("2026-07-07"))
    let changeIssued = try await registry.issueBundle(changeNumber, by: .clerk("0250"), clock: on("2026-07-07"))
    #expect(changeIssued.licences?.permits?.map(\.number) == ["新出发市南零字第2026000001"])

    let cancel = try await registry.submitBundle(
      try sample("bookshop-cancellation", replacing: current), by: .applicant(Self.operatorID), clock: on("2026-09-07"))
    let cancelNumber = try #require(cancel.subject, "\(cancel.findings.map(\.message.en))")
    for track in [Track.business, publication] {
      _ = try await registry.decideTrack(cancelNumber, track: track, decision: .approve(), by: .clerk("0231"), clock: on("2026-09-08"))
    }
    let ended = try await registry.issueBundle(cancelNumber, by: .clerk("0250"), clock: on("2026-09-08"))
    #expect(ended.outcome == .accepted)
    #expect(try await registry.licenceStatus("新出发市南零字第2026000001")?.status == .cancelled)
    #expect(try await registry.licenceStatus(uscc)?.status == .cancelled)
    // Nothing more can be filed on ended certificates.
    let again = try await registry.submitBundle(
      try sample("bookshop-change-publication-scope", replacing: current + [("TB-SYYD", "TB-SYYD-LATE")]),
      by: .applicant(Self.operatorID), clock: on("2026-09-10"))
    #expect(Set(again.findings.map(\.ruleID.rawValue)) == ["RG-003"])
    let verification = try await registry.verifyAudit()
    #expect(verification.isIntact, "\(verification.problems.map(\.description))")
  }

  /// What a case may not do: be corrected by another family's packet or with other tracks, or
  /// name certificates its applicant does not hold.
  @Test(arguments: StoreBackend.allCases) func correctionsAndCertificatesStayWithTheirCase(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let opened = try await registry.submitBundle(try sample("bookshop-opening"), by: .applicant(Self.operatorID), clock: on("2026-06-01"))
    let number = try #require(opened.subject)
    let publication = Track(rawValue: "PUBLICATION")!
    let asked = try await registry.decideTrack(
      number, track: publication, decision: .requestCorrection(reasons: ["请补充出版物经营范围"]), by: .clerk("0231"), clock: on("2026-06-02"))
    #expect(asked.outcome == .accepted)
    // A restaurant packet naming the bookshop's correction is refused, and the bookshop waits on.
    var restaurant = String(decoding: try Repository.bytes("SampleFilings/valid/bundle/muzidawei-opening.xml"), as: UTF8.self)
    restaurant = restaurant.replacingOccurrences(of: "</Channel>", with: "</Channel><Resubmits>\(asked.number)</Resubmits>")
    let crossed = try await registry.submitBundle(
      PacketSource(displayName: "restaurant.xml", kind: .memory(bytes: Array(restaurant.utf8))), by: .clerk("0240"), clock: on("2026-06-03"))
    #expect(crossed.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["RG-003"])
    #expect(try await registry.bundle(number)?.summary.status == .correctionRequested)
    // The bookshop's own corrected opening is accepted.
    let corrected = try await registry.submitBundle(
      try sample("bookshop-opening-corrected", replacing: [("</Channel>", "</Channel><Resubmits>\(asked.number)</Resubmits>")]),
      by: .applicant(Self.operatorID), clock: on("2026-06-03"))
    #expect(corrected.outcome == .accepted, "\(corrected.findings.map(\.message.en))")
    #expect(corrected.subject == number)

    // Certificates held by someone else cannot be changed by this applicant.
    for track in [Track.business, publication] {
      _ = try await registry.decideTrack(number, track: track, decision: .approve(), by: .clerk("0231"), clock: on("2026-06-04"))
    }
    let issued = try await registry.issueBundle(number, by: .clerk("0250"), clock: on("2026-06-04"))
    let uscc = try #require(issued.licences?.uscc)
    let current = [("92370202MA7L4D6B4H", uscc), ("新出发市南零字第2025000137", "新出发市南零字第2026000001")]
    let stranger = "370202198805120020"
    let foreign = try await registry.submitBundle(
      try sample("bookshop-change-publication-scope", replacing: current + [(Self.operatorID, stranger)]), by: .clerk("0240"),
      clock: on("2026-07-06"))
    #expect(foreign.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["RG-001", "RG-001"])
    // A change corrected into another set of tracks is refused: the tracks decided stay the tracks.
    let change = try await registry.submitBundle(
      try sample("bookshop-change-publication-scope", replacing: current), by: .applicant(Self.operatorID), clock: on("2026-07-06"))
    let changeNumber = try #require(change.subject, "\(change.findings.map(\.message.en))")
    let askedAgain = try await registry.decideTrack(
      changeNumber, track: publication, decision: .requestCorrection(reasons: ["范围表述不规范"]), by: .clerk("0231"), clock: on("2026-07-07"))
    let widened = try await registry.submitBundle(
      try sample(
        "bookshop-change-publication-scope",
        replacing: current + [
          ("</Channel>", "</Channel><Resubmits>\(askedAgain.number)</Resubmits>"), ("<Field>PUBLICATION_SCOPE</Field>", "<Field>NAME</Field>"),
        ]),
      by: .applicant(Self.operatorID), clock: on("2026-07-08"))
    #expect(widened.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue).contains("RG-003"))
    #expect(try await registry.bundle(changeNumber)?.summary.tracks.map(\.track) == [publication])
  }
}
