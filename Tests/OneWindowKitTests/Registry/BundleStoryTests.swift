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

  @Test(arguments: StoreBackend.allCases) func opensAddsColdFoodAndCloses(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)

    // 2026-04-22 (Wednesday): accepted, due two working days later.
    let accepted = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    #expect(errors(accepted) == [])
    #expect(accepted.outcome == .accepted)
    #expect(accepted.subject == "YJS-370202-2026-000001")
    #expect(accepted.dueOn == CivilDate("2026-04-24"))
    // The pre-filed unit A-1 of 三江里 is taken.
    let sanjiangli = try await #require(try registry.preFiling("YBA-370202-2026-000002", asOf: on("2026-04-22").today))
    #expect(sanjiangli.units.first { $0.id == "A-1" }?.occupied == 1)

    // Issuing before both tracks are approved is refused.
    let early = try await registry.issueBundle("YJS-370202-2026-000001", by: businessClerk, clock: on("2026-04-23"))
    #expect(errors(early) == ["RG-003"])

    // The tracks in parallel, food first; the food track with its inspection.
    let food = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .approve(inspection: inspection), by: foodClerk, clock: on("2026-04-23"))
    #expect(food.outcome == .accepted)
    let business = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .approve(), by: businessClerk, clock: on("2026-04-23"))
    #expect(business.outcome == .accepted)
    await #expect(try registry.bundle("YJS-370202-2026-000001")?.summary.status == .approved)

    let issued = try await registry.issueBundle("YJS-370202-2026-000001", by: businessClerk, clock: on("2026-04-24"))
    #expect(issued.outcome == .accepted)
    let uscc = try #require(issued.licences?.uscc)
    let foodNumber = try #require(issued.licences?.foodLicenceNumber)
    #expect(uscc == UnifiedSocialCreditCode.make(department: "92", division: "370202", body: "MA000001"))
    #expect(UnifiedSocialCreditCode.hasValidCheckCharacter(uscc))
    #expect(UnifiedSocialCreditCode.hasValidOrganisationCode(uscc))
    #expect(foodNumber == FoodLicenceNumber.make(category: "2", division: "370202", sequence: 1))
    #expect(FoodLicenceNumber.hasValidCheckDigit(foodNumber))
    let opened = try await #require(try registry.bundle("YJS-370202-2026-000001"))
    #expect(opened.summary.status == .issued)
    #expect(opened.summary.workingDaysTaken == 2)
    let certificates = try #require(opened.certificates)
    #expect(certificates.business.name == "市南区天晟吉祥烤鸭店")
    #expect(certificates.business.premises == "山东省青岛市市南区中山路街道芝罘路22号三江里东厢1号门户")
    #expect(certificates.food.itemsText == "热食类食品制售")
    #expect(certificates.food.validFrom == CivilDate("2026-04-24"))
    #expect(certificates.food.validUntil == CivilDate("2031-04-23"))
    let issuance = try await #require(try registry.packet(forReceipt: issued.number))
    let report = await RegistryHarness.oneWindow.validate(bytes: issuance.bytes, name: "issuance.xml")
    #expect(report.family == "issuance")
    #expect(report.findings.filter { $0.severity == .error }.isEmpty)

    // 2026-07-15: adds 冷食类 (with a 专间): only the food track, with an inspection.
    let change = try await registry.submitBundle(
      TianShengJiXiang.source(TianShengJiXiang.change, uscc: uscc, foodLicence: foodNumber), by: applicant,
      clock: on("2026-07-15"))
    #expect(errors(change) == [])
    #expect(change.subject == "YJS-370202-2026-000002")
    #expect(change.dueOn == CivilDate("2026-07-17"))
    let changeDetail = try await #require(try registry.bundle("YJS-370202-2026-000002"))
    #expect(changeDetail.summary.tracks.map(\.track) == [.food])
    #expect(changeDetail.inspectionRequired)
    let noInspection = try await registry.decideTrack(
      "YJS-370202-2026-000002", track: .food, decision: .approve(), by: foodClerk, clock: on("2026-07-16"))
    #expect(errors(noInspection) == ["RD-002"])
    let noBusinessTrack = try await registry.decideTrack(
      "YJS-370202-2026-000002", track: .business, decision: .approve(), by: businessClerk, clock: on("2026-07-16"))
    #expect(errors(noBusinessTrack) == ["RG-004"])
    let coldInspection = InspectionRecord(inspectedOn: CivilDate("2026-07-16")!, inspectors: ["0301", "0304"])
    await #expect(try registry.decideTrack(
      "YJS-370202-2026-000002", track: .food, decision: .approve(inspection: coldInspection), by: foodClerk,
      clock: on("2026-07-16")).outcome == .accepted)
    let replaced = try await registry.issueBundle("YJS-370202-2026-000002", by: businessClerk, clock: on("2026-07-17"))
    #expect(replaced.outcome == .accepted)
    #expect(replaced.licences == Receipt.IssuedLicences(uscc: nil, foodLicenceNumber: foodNumber))
    let afterChange = try await #require(try registry.bundle("YJS-370202-2026-000002")?.certificates)
    #expect(afterChange.food.number == foodNumber)
    #expect(afterChange.food.itemsText == "热食类食品制售；冷食类食品制售（冷荤类）")
    #expect(afterChange.food.validUntil == CivilDate("2031-04-23"))
    #expect(afterChange.business == certificates.business)
    await #expect(try registry.bundle("YJS-370202-2026-000002")?.summary.workingDaysTaken == 2)

    // 2026-11-10 (Tuesday): 简易注销, pushed to the tax and other departments on acceptance; no
    // objection within 10 calendar days (to 11-20), then two working days: due 11-24.
    let cancel = try await registry.submitBundle(
      TianShengJiXiang.source(TianShengJiXiang.cancellation, uscc: uscc, foodLicence: foodNumber), by: applicant,
      clock: on("2026-11-10"))
    #expect(errors(cancel) == [])
    #expect(cancel.dueOn == CivilDate("2026-11-24"))
    let checked = ["CA-004 已查询国家企业信用信息公示系统，未列入名录，无吊销、责令关闭、撤销记录"]
    for (track, clerk) in [(Track.business, businessClerk), (.food, foodClerk)] {
      await #expect(try registry.decideTrack(
        "YJS-370202-2026-000003", track: track, decision: .approve(reasons: track == .business ? checked : []), by: clerk,
        clock: on("2026-11-11")).outcome == .accepted)
    }
    // Both tracks approved, but the objection period runs to 11-20 inclusive.
    let duringObjections = try await registry.issueBundle("YJS-370202-2026-000003", by: businessClerk, clock: on("2026-11-20"))
    #expect(errors(duringObjections) == ["RG-003"])
    let closed = try await registry.issueBundle("YJS-370202-2026-000003", by: businessClerk, clock: on("2026-11-23"))
    #expect(closed.outcome == .accepted)
    let ended = try await #require(try registry.bundle("YJS-370202-2026-000003"))
    #expect(ended.certificates?.endedOn == CivilDate("2026-11-23"))
    #expect(ended.history.map(\.action) == [
      "bundle.accepted", "bundle.pushed", "bundle.track-approved", "bundle.track-approved", "bundle.approved",
      "bundle.issue.refused", "licence.food-ended",
      "licence.business-ended", "bundle.issued",
    ])
    let unitAfter = try await #require(try registry.preFiling("YBA-370202-2026-000002", asOf: on("2026-11-23").today))
    #expect(unitAfter.units.first { $0.id == "A-1" }?.occupied == 0)
    await #expect(try registry.verifyAudit().isIntact)
  }

  /// A 主体业态 bracket note (2023 measures) is carried from the application to the licence face
  /// and the Issuance packet, which stays valid (issue 14, item 3).
  @Test(arguments: StoreBackend.allCases) func theCategoryNoteReachesTheLicenceFace(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    let source = try RegistryHarness.source(TianShengJiXiang.opening, replacing: [(
      "<CateringSubtype>SMALL</CateringSubtype>",
      "<CateringSubtype>CENTRAL_KITCHEN</CateringSubtype>\n    <CategoryNote>CENTRAL_KITCHEN</CategoryNote>"
    )])
    let accepted = try await registry.submitBundle(source, by: applicant, clock: on("2026-04-22"))
    #expect(errors(accepted) == [])
    let number = try #require(accepted.subject)
    _ = try await registry.decideTrack(number, track: .food, decision: .approve(inspection: inspection), by: foodClerk, clock: on("2026-04-23"))
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: businessClerk, clock: on("2026-04-23"))
    let issued = try await registry.issueBundle(number, by: businessClerk, clock: on("2026-04-24"))
    #expect(issued.outcome == .accepted)
    let certificates = try await #require(try registry.bundle(number)?.certificates)
    #expect(certificates.food.categoryNotes == [.centralKitchen])
    let issuance = try await #require(try registry.packet(forReceipt: issued.number))
    #expect(String(decoding: issuance.bytes, as: UTF8.self).contains("<CategoryNote>CENTRAL_KITCHEN</CategoryNote>"))
    let report = await RegistryHarness.oneWindow.validate(bytes: issuance.bytes, name: "issuance.xml")
    #expect(report.findings.filter { $0.severity == .error }.isEmpty)
  }

  @Test(arguments: StoreBackend.allCases) func aCorrectionRequestStopsTheClockAndHoldsTheOtherTrack(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    _ = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    let food = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .requestCorrection(reasons: ["补充冷菜间布局图"]), by: foodClerk,
      clock: on("2026-04-23"))
    #expect(food.reasons == [Receipt.Reason(track: .food, text: "补充冷菜间布局图")])
    let stopped = try await #require(try registry.bundle("YJS-370202-2026-000001"))
    #expect(stopped.summary.status == .correctionRequested)
    #expect(stopped.summary.dueOn == nil)
    // While it waits for the correction, the other track is not decided.
    let waiting = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .approve(), by: businessClerk, clock: on("2026-04-23"))
    #expect(errors(waiting) == ["RG-003"])
    // A stopped clock is never overdue.
    await #expect(try registry.overdueBundles(asOf: CivilDate("2026-05-20")!).isEmpty)
  }

  @Test(arguments: StoreBackend.allCases) func aCorrectedResubmissionRestartsTheClock(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    let accepted = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    let asked = try await registry.decideTrack(
      accepted.subject ?? "", track: .food, decision: .requestCorrection(reasons: ["补充冷菜间布局图"]), by: foodClerk,
      clock: on("2026-04-23"))
    let corrected = try await registry.submitBundle(
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
    let detail = try await #require(try registry.bundle("YJS-370202-2026-000001"))
    #expect(detail.summary.status == .underReview)
    #expect(detail.summary.clockStart == CivilDate("2026-04-30"))
    #expect(detail.versions.map(\.kind) == ["submitted", "resubmitted"])
    #expect(detail.summary.tracks.map(\.status) == [.pending, .pending])
  }

  @Test(arguments: StoreBackend.allCases) func aRejectionWaitsForTheOtherTrackAndGivesBothReasons(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    _ = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    let business = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .reject(reasons: ["名称与在先登记的字号相同"]), by: businessClerk,
      clock: on("2026-04-23"))
    #expect(business.outcome == .accepted)
    await #expect(try registry.bundle("YJS-370202-2026-000001")?.summary.status == .underReview)
    // The food track is still reviewed, so the applicant hears every reason at once; it may not
    // ask for a correction any more.
    let correction = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .requestCorrection(reasons: ["x"]), by: foodClerk, clock: on("2026-04-23"))
    #expect(errors(correction) == ["RG-003"])
    let food = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .reject(reasons: ["RD-002 现场核查不符合：无更衣设施"]), by: foodClerk,
      clock: on("2026-04-24"))
    #expect(food.reasons == [
      Receipt.Reason(track: .business, text: "名称与在先登记的字号相同"),
      Receipt.Reason(track: .food, text: "RD-002 现场核查不符合：无更衣设施"),
    ])
    #expect(food.xml.contains("<Reason track=\"BUSINESS\">名称与在先登记的字号相同</Reason>"))
    let detail = try await #require(try registry.bundle("YJS-370202-2026-000001"))
    #expect(detail.summary.status == .rejected)
    #expect(detail.summary.tracks.map(\.status) == [.rejected, .rejected])
    let refused = try await registry.issueBundle("YJS-370202-2026-000001", by: businessClerk, clock: on("2026-04-24"))
    #expect(errors(refused) == ["RG-003"])
    let unit = try await #require(try registry.preFiling("YBA-370202-2026-000002", asOf: on("2026-04-24").today))
    #expect(unit.units.first { $0.id == "A-1" }?.occupied == 0)
  }

  @Test(arguments: StoreBackend.allCases) func theEnteringClerkDoesNotDecide(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    _ = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: .clerk("0240"), clock: on("2026-04-22"))
    let own = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .approve(), by: .clerk("0240"), clock: on("2026-04-23"))
    #expect(errors(own) == ["RG-002"])
  }

  @Test(arguments: StoreBackend.allCases) func overdueBundlesAreListedWithTheWorkingDaysLate(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    _ = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    await #expect(try registry.overdueBundles(asOf: CivilDate("2026-04-24")!).isEmpty)
    // Due Friday 04-24; on Wednesday 04-29 it is three working days late (04-27, 04-28, 04-29).
    let late = try await registry.overdueBundles(asOf: CivilDate("2026-04-29")!)
    #expect(late.map(\.summary.number) == ["YJS-370202-2026-000001"])
    #expect(late.map(\.workingDaysLate) == [3])
  }

  /// 天晟吉祥 opened and issued on 2026-04-24 in A-1; returns the registry and the numbers.
  private func opened(
    policyNeedsNewFoodLicence: Bool? = nil, policy edits: [(String, String)] = []
  ) async throws -> (registry: Registry, uscc: String, jy: String) {
    var registry = try RegistryHarness().registry
    if let policyNeedsNewFoodLicence {
      registry = try Registry(oneWindow: try RegistryHarness.oneWindow(premisesChangeNeedsNewFoodLicence: policyNeedsNewFoodLicence), path: nil)
    } else if !edits.isEmpty {
      registry = try Registry(oneWindow: try RuleHarness.oneWindow(editingPolicy: edits), path: nil)
    }
    try await TianShengJiXiang.preFiled(in: registry)
    let number = try await #require(
      try registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22")).subject)
    _ = try await registry.decideTrack(number, track: .food, decision: .approve(inspection: inspection), by: foodClerk, clock: on("2026-04-23"))
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: businessClerk, clock: on("2026-04-23"))
    let issued = try await registry.issueBundle(number, by: businessClerk, clock: on("2026-04-24"))
    return (registry, try #require(issued.licences?.uscc), try #require(issued.licences?.foodLicenceNumber))
  }

  /// The 冷食类 change rewritten as a move to 三江里 A-2.
  private func moveToA2(uscc: String, jy: String) throws -> PacketSource {
    let premises = """
      <Premises>
            <PreFiled>
              <PreFilingNumber>YBA-370202-2026-000002</PreFilingNumber>
              <UnitRef>A-2</UnitRef>
              <EntryAgreement>
                <Lessor>
                  <Name>青岛三江里文化旅游发展有限公司</Name>
                  <USCC>91370202MA3D8K2Q87</USCC>
                </Lessor>
                <Lessee>王建国</Lessee>
                <TermStart>2026-09-01</TermStart>
                <TermEnd>2031-08-31</TermEnd>
                <Use>CATERING</Use>
                <SignedOn>2026-09-10</SignedOn>
                <MaterialRef>M-2</MaterialRef>
              </EntryAgreement>
            </PreFiled>
          </Premises>
      """
    return try TianShengJiXiang.source(TianShengJiXiang.change, uscc: uscc, foodLicence: jy, replacing: [
      ("<Field>FOOD_ITEMS</Field>\n    <Field>LAYOUT</Field>\n    <Field>DEDICATED_SPACES</Field>", "<Field>PREMISES</Field>"),
      (String(try TianShengJiXiang.changesBlock()), premises),
      ("<Kind>LAYOUT_PLAN</Kind>", "<Kind>ENTRY_AGREEMENT</Kind>"),
      ("2026-07-15", "2026-09-15"),
    ])
  }

  @Test func aChangeOfPremisesMovesThePlaceAndIssuesANewFoodLicence() async throws {
    let (registry, uscc, jy) = try await opened()
    let change = try await registry.submitBundle(try moveToA2(uscc: uscc, jy: jy), by: applicant, clock: on("2026-09-15"))
    #expect(errors(change) == [], "\(change.findings.map { "\($0.ruleID) \($0.message.en)" })")
    let number = try #require(change.subject)
    let detail = try await #require(try registry.bundle(number))
    #expect(detail.summary.tracks.map(\.track) == [.business, .food])
    #expect(detail.inspectionRequired)
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: businessClerk, clock: on("2026-09-16"))
    let moveInspection = InspectionRecord(inspectedOn: CivilDate("2026-09-16")!, inspectors: ["0301", "0302"])
    _ = try await registry.decideTrack(number, track: .food, decision: .approve(inspection: moveInspection), by: foodClerk, clock: on("2026-09-16"))
    let issued = try await registry.issueBundle(number, by: businessClerk, clock: on("2026-09-17"))
    #expect(issued.outcome == .accepted)
    let newJY = FoodLicenceNumber.make(category: "2", division: "370202", sequence: 2)
    #expect(issued.licences == Receipt.IssuedLicences(uscc: uscc, foodLicenceNumber: newJY))
    let certificates = try await #require(try registry.bundle(number)?.certificates)
    #expect(certificates.business.uscc == uscc)
    #expect(certificates.business.premises == "山东省青岛市市南区中山路街道芝罘路22号三江里东厢2号门户")
    #expect(certificates.food.validFrom == CivilDate("2026-09-17"))
    #expect(certificates.food.validUntil == CivilDate("2031-09-16"))
    let issuance = await String(decoding: try #require(try registry.packet(forReceipt: issued.number)).bytes, as: UTF8.self)
    #expect(issuance.contains("<Replaces>\(jy)</Replaces>"))
    let units = try await #require(try registry.preFiling("YBA-370202-2026-000002", asOf: on("2026-09-17").today)).units
    #expect(units.filter { ["A-1", "A-2"].contains($0.id) }.map(\.occupied) == [0, 1])
  }

  @Test func thePolicyCanKeepTheFoodLicenceNumberOnAMove() async throws {
    let (registry, uscc, jy) = try await opened(policyNeedsNewFoodLicence: false)
    let number = try await #require(
      try registry.submitBundle(try moveToA2(uscc: uscc, jy: jy), by: applicant, clock: on("2026-09-15")).subject)
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: businessClerk, clock: on("2026-09-16"))
    _ = try await registry.decideTrack(
      number, track: .food,
      decision: .approve(inspection: InspectionRecord(inspectedOn: CivilDate("2026-09-16")!, inspectors: ["0301", "0302"])),
      by: foodClerk, clock: on("2026-09-16"))
    let issued = try await registry.issueBundle(number, by: businessClerk, clock: on("2026-09-17"))
    #expect(issued.licences == Receipt.IssuedLicences(uscc: uscc, foodLicenceNumber: jy))
    await #expect(try registry.bundle(number)?.certificates?.food.validUntil == CivilDate("2031-04-23"))
  }

  /// A change of liaison (联络员, a filed item) goes to the business track alone and issues no
  /// licence: the Issuance packet records the change with neither certificate (issue 14, item 5).
  @Test func aChangeOfLiaisonIsRecordedWithoutANewLicence() async throws {
    let (registry, uscc, jy) = try await opened()
    let packet = try TianShengJiXiang.source(TianShengJiXiang.change, uscc: uscc, foodLicence: jy, replacing: [
      ("<Field>FOOD_ITEMS</Field>\n    <Field>LAYOUT</Field>\n    <Field>DEDICATED_SPACES</Field>", "<Field>CONTACT</Field>"),
      (String(try TianShengJiXiang.changesBlock()), "<Contact><Name>王建国</Name><Phone>13589238868</Phone></Contact>"),
    ])
    let change = try await registry.submitBundle(packet, by: applicant, clock: on("2026-07-15"))
    #expect(errors(change) == [], "\(change.findings.map { "\($0.ruleID) \($0.message.en)" })")
    let number = try #require(change.subject)
    #expect(try await registry.bundle(number)?.summary.tracks.map(\.track) == [.business])
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: businessClerk, clock: on("2026-07-16"))
    let issued = try await registry.issueBundle(number, by: businessClerk, clock: on("2026-07-16"))
    #expect(issued.outcome == .accepted)
    #expect(issued.licences == Receipt.IssuedLicences(uscc: nil, foodLicenceNumber: nil))
    let issuance = await String(decoding: try #require(try registry.packet(forReceipt: issued.number)).bytes, as: UTF8.self)
    #expect(!issuance.contains("<BusinessLicence>"))
    #expect(!issuance.contains("<FoodLicence>"))
  }

  /// The operator moves house (经营者住所, issue 14, item 5): a registered item the business
  /// licence does not print (细则 arts 6(7), 23(1)), so the business track registers it without a
  /// new business licence, and the food licence, which states a 住所 (2023 measures arts 26, 29),
  /// is re-issued with the same number and validity and the new residence.
  @Test func aChangeOfResidenceReissuesTheFoodLicenceAlone() async throws {
    let (registry, uscc, jy) = try await opened()
    let packet = try TianShengJiXiang.source(TianShengJiXiang.residenceChange, uscc: uscc, foodLicence: jy)
    let change = try await registry.submitBundle(packet, by: applicant, clock: on("2026-08-03"))
    #expect(errors(change) == [], "\(change.findings.map { "\($0.ruleID) \($0.message.en)" })")
    let number = try #require(change.subject)
    let detail = try await #require(try registry.bundle(number))
    #expect(detail.summary.tracks.map(\.track) == [.business, .food])
    #expect(!detail.inspectionRequired)
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: businessClerk, clock: on("2026-08-04"))
    _ = try await registry.decideTrack(number, track: .food, decision: .approve(), by: foodClerk, clock: on("2026-08-04"))
    let issued = try await registry.issueBundle(number, by: businessClerk, clock: on("2026-08-04"))
    #expect(issued.outcome == .accepted)
    #expect(issued.licences == Receipt.IssuedLicences(uscc: nil, foodLicenceNumber: jy))
    let certificates = try #require(try await registry.bundle(number)?.certificates)
    #expect(certificates.food.residence == "山东省青岛市市南区八大关街道韶关路18号")
    #expect(certificates.food.number == jy)
    #expect(certificates.food.validUntil == CivilDate("2031-04-23"))
    #expect(certificates.business.uscc == uscc)
    #expect(certificates.business.operatorName == "王建国")
    let issuance = await String(decoding: try #require(try registry.packet(forReceipt: issued.number)).bytes, as: UTF8.self)
    #expect(!issuance.contains("<BusinessLicence>"))
    #expect(issuance.contains("<Residence>山东省青岛市市南区八大关街道韶关路18号</Residence>"))
    #expect(issuance.contains("<Replaces>\(jy)</Replaces>"))
    let report = await RegistryHarness.oneWindow.validate(bytes: Array(issuance.utf8), name: "issuance.xml")
    #expect(report.findings.filter { $0.severity == .error }.isEmpty)
  }

  /// Issue 14, item 9: the change-to-licence table is policy data. A bureau whose food licence
  /// prints the premises as its 住所 drops the food licence from the residence's row: the change
  /// then goes to the business track alone and issues nothing.
  @Test func thePolicyDecidesTheTracksOfAChangeOfResidence() async throws {
    let (registry, uscc, jy) = try await opened(policy: [(
      "\"OPERATOR_RESIDENCE\": { \"businessTrack\": true, \"foodLicence\": true }", "\"OPERATOR_RESIDENCE\": { \"businessTrack\": true }"
    )])
    let packet = try TianShengJiXiang.source(TianShengJiXiang.residenceChange, uscc: uscc, foodLicence: jy)
    let change = try await registry.submitBundle(packet, by: applicant, clock: on("2026-08-03"))
    #expect(errors(change) == [])
    let number = try #require(change.subject)
    #expect(try await registry.bundle(number)?.summary.tracks.map(\.track) == [.business])
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: businessClerk, clock: on("2026-08-04"))
    let issued = try await registry.issueBundle(number, by: businessClerk, clock: on("2026-08-04"))
    #expect(issued.outcome == .accepted)
    #expect(issued.licences == Receipt.IssuedLicences(uscc: nil, foodLicenceNumber: nil))
  }
}
