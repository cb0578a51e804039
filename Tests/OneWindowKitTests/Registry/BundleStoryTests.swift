import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// 市南区天晟吉祥烤鸭店 opens, later adds 冷食类 items, then closes: through the library API, with
/// valid certificates, due dates counted in working days and every state change audited.
struct BundleStoryTests {
  let on = RegistryHarness.on
  let applicant = Actor.applicant(TianShengJiXiang.operatorID)
  let businessClerk = Actor.clerk("0231")
  let foodClerk = Actor.clerk("0233")
  let inspection = InspectionRecord(inspectedOn: CivilDate("2026-04-23")!, inspectors: ["0301", "0302"])

  private func errors(_ receipt: Receipt) -> [String] {
    receipt.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue)
  }

  @Test func opensAddsColdFoodAndCloses() throws {
    let registry = try RegistryHarness().registry
    try TianShengJiXiang.preFiled(in: registry)

    // 2026-04-22 (Wednesday): accepted, due two working days later.
    let accepted = try registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    #expect(errors(accepted) == [])
    #expect(accepted.outcome == .accepted)
    #expect(accepted.subject == "YJS-370202-2026-000001")
    #expect(accepted.dueOn == CivilDate("2026-04-24"))
    // The pre-filed unit A-1 of 三江里 is taken.
    let sanjiangli = try #require(try registry.preFiling("YBA-370202-2026-000002", asOf: on("2026-04-22").today))
    #expect(sanjiangli.units.first { $0.id == "A-1" }?.occupied == 1)

    // Issuing before both tracks are approved is refused.
    let early = try registry.issueBundle("YJS-370202-2026-000001", by: businessClerk, clock: on("2026-04-23"))
    #expect(errors(early) == ["RG-003"])

    // The tracks in parallel, food first; the food track with its inspection.
    let food = try registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .approve(inspection: inspection), by: foodClerk, clock: on("2026-04-23"))
    #expect(food.outcome == .accepted)
    let business = try registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .approve(), by: businessClerk, clock: on("2026-04-23"))
    #expect(business.outcome == .accepted)
    #expect(try registry.bundle("YJS-370202-2026-000001")?.summary.status == .approved)

    let issued = try registry.issueBundle("YJS-370202-2026-000001", by: businessClerk, clock: on("2026-04-24"))
    #expect(issued.outcome == .accepted)
    let uscc = try #require(issued.licences?.uscc)
    let foodNumber = try #require(issued.licences?.foodLicenceNumber)
    #expect(uscc == UnifiedSocialCreditCode.make(department: "92", division: "370202", body: "MA000001"))
    #expect(UnifiedSocialCreditCode.hasValidCheckCharacter(uscc))
    #expect(UnifiedSocialCreditCode.hasValidOrganisationCode(uscc))
    #expect(foodNumber == FoodLicenceNumber.make(category: "2", division: "370202", sequence: 1))
    #expect(FoodLicenceNumber.hasValidCheckDigit(foodNumber))
    let opened = try #require(try registry.bundle("YJS-370202-2026-000001"))
    #expect(opened.summary.status == .issued)
    #expect(opened.summary.workingDaysTaken == 2)
    let certificates = try #require(opened.certificates)
    #expect(certificates.business.name == "市南区天晟吉祥烤鸭店")
    #expect(certificates.business.premises == "山东省青岛市市南区中山路街道芝罘路22号三江里东厢1号门户")
    #expect(certificates.food.itemsText == "热食类食品制售")
    #expect(certificates.food.validFrom == CivilDate("2026-04-24"))
    #expect(certificates.food.validUntil == CivilDate("2031-04-23"))
    let issuance = try #require(try registry.packet(forReceipt: issued.number))
    let report = RegistryHarness.oneWindow.validate(bytes: issuance.bytes, name: "issuance.xml")
    #expect(report.family == "issuance")
    #expect(report.findings.filter { $0.severity == .error }.isEmpty)

    // 2026-07-15: adds 冷食类 (with a 专间): only the food track, with an inspection.
    let change = try registry.submitBundle(
      TianShengJiXiang.source(TianShengJiXiang.change, uscc: uscc, foodLicence: foodNumber), by: applicant,
      clock: on("2026-07-15"))
    #expect(errors(change) == [])
    #expect(change.subject == "YJS-370202-2026-000002")
    #expect(change.dueOn == CivilDate("2026-07-17"))
    let changeDetail = try #require(try registry.bundle("YJS-370202-2026-000002"))
    #expect(changeDetail.summary.tracks.map(\.track) == [.food])
    #expect(changeDetail.inspectionRequired)
    let noInspection = try registry.decideTrack(
      "YJS-370202-2026-000002", track: .food, decision: .approve(), by: foodClerk, clock: on("2026-07-16"))
    #expect(errors(noInspection) == ["RD-002"])
    let noBusinessTrack = try registry.decideTrack(
      "YJS-370202-2026-000002", track: .business, decision: .approve(), by: businessClerk, clock: on("2026-07-16"))
    #expect(errors(noBusinessTrack) == ["RG-004"])
    let coldInspection = InspectionRecord(inspectedOn: CivilDate("2026-07-16")!, inspectors: ["0301", "0304"])
    #expect(try registry.decideTrack(
      "YJS-370202-2026-000002", track: .food, decision: .approve(inspection: coldInspection), by: foodClerk,
      clock: on("2026-07-16")).outcome == .accepted)
    let replaced = try registry.issueBundle("YJS-370202-2026-000002", by: businessClerk, clock: on("2026-07-17"))
    #expect(replaced.outcome == .accepted)
    #expect(replaced.licences == Receipt.IssuedLicences(uscc: nil, foodLicenceNumber: foodNumber))
    let afterChange = try #require(try registry.bundle("YJS-370202-2026-000002")?.certificates)
    #expect(afterChange.food.number == foodNumber)
    #expect(afterChange.food.itemsText == "热食类食品制售；冷食类食品制售（冷荤类）")
    #expect(afterChange.food.validUntil == CivilDate("2031-04-23"))
    #expect(afterChange.business == certificates.business)
    #expect(try registry.bundle("YJS-370202-2026-000002")?.summary.workingDaysTaken == 2)

    // 2026-11-10 (Tuesday): 简易注销; food ends first, then the business licence.
    let cancel = try registry.submitBundle(
      TianShengJiXiang.source(TianShengJiXiang.cancellation, uscc: uscc, foodLicence: foodNumber), by: applicant,
      clock: on("2026-11-10"))
    #expect(errors(cancel) == [])
    #expect(cancel.dueOn == CivilDate("2026-11-12"))
    for (track, clerk) in [(Track.business, businessClerk), (.food, foodClerk)] {
      #expect(try registry.decideTrack(
        "YJS-370202-2026-000003", track: track, decision: .approve(), by: clerk, clock: on("2026-11-11")).outcome == .accepted)
    }
    let closed = try registry.issueBundle("YJS-370202-2026-000003", by: businessClerk, clock: on("2026-11-12"))
    #expect(closed.outcome == .accepted)
    let ended = try #require(try registry.bundle("YJS-370202-2026-000003"))
    #expect(ended.certificates?.endedOn == CivilDate("2026-11-12"))
    #expect(ended.history.map(\.action) == [
      "bundle.accepted", "bundle.track-approved", "bundle.track-approved", "bundle.approved", "licence.food-ended",
      "licence.business-ended", "bundle.issued",
    ])
    let unitAfter = try #require(try registry.preFiling("YBA-370202-2026-000002", asOf: on("2026-11-12").today))
    #expect(unitAfter.units.first { $0.id == "A-1" }?.occupied == 0)
    #expect(try registry.verifyAudit().isIntact)
  }

  @Test func aCorrectionRequestStopsTheClockAndHoldsTheOtherTrack() throws {
    let registry = try RegistryHarness().registry
    try TianShengJiXiang.preFiled(in: registry)
    _ = try registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    let food = try registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .requestCorrection(reasons: ["补充冷菜间布局图"]), by: foodClerk,
      clock: on("2026-04-23"))
    #expect(food.reasons == [Receipt.Reason(track: .food, text: "补充冷菜间布局图")])
    let stopped = try #require(try registry.bundle("YJS-370202-2026-000001"))
    #expect(stopped.summary.status == .correctionRequested)
    #expect(stopped.summary.dueOn == nil)
    // While it waits for the correction, the other track is not decided.
    let waiting = try registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .approve(), by: businessClerk, clock: on("2026-04-23"))
    #expect(errors(waiting) == ["RG-003"])
    // A stopped clock is never overdue.
    #expect(try registry.overdueBundles(asOf: CivilDate("2026-05-20")!).isEmpty)
  }

  @Test func aCorrectedResubmissionRestartsTheClock() throws {
    let registry = try RegistryHarness().registry
    try TianShengJiXiang.preFiled(in: registry)
    let accepted = try registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    let asked = try registry.decideTrack(
      accepted.subject ?? "", track: .food, decision: .requestCorrection(reasons: ["补充冷菜间布局图"]), by: foodClerk,
      clock: on("2026-04-23"))
    let corrected = try registry.submitBundle(
      try RegistryHarness.source(
        TianShengJiXiang.opening,
        replacing: [
          ("<PacketId>BD-TSJX-2026-0001</PacketId>", "<PacketId>BD-TSJX-2026-0001-R1</PacketId>"),
          ("  </Header>", "    <Resubmits>\(asked.number)</Resubmits>\n  </Header>"),
        ]),
      by: applicant, clock: on("2026-04-30"))
    #expect(corrected.outcome == .accepted, "\(corrected.findings.map { "\($0.ruleID) \($0.message.en)" })")
    #expect(corrected.findings.map(\.ruleID).contains("RG-006") == false)
    #expect(corrected.subject == "YJS-370202-2026-000001")
    // Thursday 2026-04-30 + 2 working days: 5/1–5/5 are 劳动节, 5/6 and 5/7 count.
    #expect(corrected.dueOn == CivilDate("2026-05-07"))
    let detail = try #require(try registry.bundle("YJS-370202-2026-000001"))
    #expect(detail.summary.status == .underReview)
    #expect(detail.summary.clockStart == CivilDate("2026-04-30"))
    #expect(detail.versions.map(\.kind) == ["submitted", "resubmitted"])
    #expect(detail.summary.tracks.map(\.status) == [.pending, .pending])
  }

  @Test func aRejectionWaitsForTheOtherTrackAndGivesBothReasons() throws {
    let registry = try RegistryHarness().registry
    try TianShengJiXiang.preFiled(in: registry)
    _ = try registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    let business = try registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .reject(reasons: ["名称与在先登记的字号相同"]), by: businessClerk,
      clock: on("2026-04-23"))
    #expect(business.outcome == .accepted)
    #expect(try registry.bundle("YJS-370202-2026-000001")?.summary.status == .underReview)
    // The food track is still reviewed, so the applicant hears every reason at once; it may not
    // ask for a correction any more.
    let correction = try registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .requestCorrection(reasons: ["x"]), by: foodClerk, clock: on("2026-04-23"))
    #expect(errors(correction) == ["RG-003"])
    let food = try registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .reject(reasons: ["RD-002 现场核查不符合：无更衣设施"]), by: foodClerk,
      clock: on("2026-04-24"))
    #expect(food.reasons == [
      Receipt.Reason(track: .business, text: "名称与在先登记的字号相同"),
      Receipt.Reason(track: .food, text: "RD-002 现场核查不符合：无更衣设施"),
    ])
    #expect(food.xml.contains("<Reason track=\"BUSINESS\">名称与在先登记的字号相同</Reason>"))
    let detail = try #require(try registry.bundle("YJS-370202-2026-000001"))
    #expect(detail.summary.status == .rejected)
    #expect(detail.summary.tracks.map(\.status) == [.rejected, .rejected])
    let refused = try registry.issueBundle("YJS-370202-2026-000001", by: businessClerk, clock: on("2026-04-24"))
    #expect(errors(refused) == ["RG-003"])
    let unit = try #require(try registry.preFiling("YBA-370202-2026-000002", asOf: on("2026-04-24").today))
    #expect(unit.units.first { $0.id == "A-1" }?.occupied == 0)
  }

  @Test func theEnteringClerkDoesNotDecide() throws {
    let registry = try RegistryHarness().registry
    try TianShengJiXiang.preFiled(in: registry)
    _ = try registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: .clerk("0240"), clock: on("2026-04-22"))
    let own = try registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .approve(), by: .clerk("0240"), clock: on("2026-04-23"))
    #expect(errors(own) == ["RG-002"])
  }

  @Test func overdueBundlesAreListedWithTheWorkingDaysLate() throws {
    let registry = try RegistryHarness().registry
    try TianShengJiXiang.preFiled(in: registry)
    _ = try registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    #expect(try registry.overdueBundles(asOf: CivilDate("2026-04-24")!).isEmpty)
    // Due Friday 04-24; on Wednesday 04-29 it is three working days late (04-27, 04-28, 04-29).
    let late = try registry.overdueBundles(asOf: CivilDate("2026-04-29")!)
    #expect(late.map(\.summary.number) == ["YJS-370202-2026-000001"])
    #expect(late.map(\.workingDaysLate) == [3])
  }
}
