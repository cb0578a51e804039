import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// The published figures (issue 14): exact counts on a small registry built here, the centre each
/// packet was accepted at, and figures of several registries added up.
struct StatisticsTests {
  let on = RegistryHarness.on
  let inspection = InspectionRecord(inspectedOn: CivilDate("2026-04-23")!, inspectors: ["0301", "0302"])

  /// 太兴里 and 三江里 pre-filed; one registration accepted at 中山路街道 (3 of 4 materials saved)
  /// and one refused with no centre; 天晟吉祥 opened at 香港中路街道 in two working days;
  /// 木滋嗒味 opened in five (late); another 木滋 shop still open past its due date.
  func smallRegistry() async throws -> Registry {
    var registry = try RegistryHarness().registry
    try await TianShengJiXiang.preFiled(in: registry)
    registry.serviceCentre = "370202005"
    let registered = try await registry.register(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    #expect(registered.outcome == .accepted)
    #expect(registered.materialsSaved == Receipt.MaterialsSaved(count: 3, percent: 75, fullSet: 4))
    registry.serviceCentre = nil
    let refused = try await registry.register(RegistryHarness.source(TianShengJiXiang.muzidawei), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    #expect(refused.outcome == .rejected)

    registry.serviceCentre = "370202001"
    let opened = try await registry.submitBundle(
      RegistryHarness.source(TianShengJiXiang.opening), by: .applicant(TianShengJiXiang.operatorID), clock: on("2026-04-22"))
    let first = try #require(opened.subject)
    registry.serviceCentre = nil
    _ = try await registry.decideTrack(first, track: .food, decision: .approve(inspection: inspection), by: .clerk("0233"), clock: on("2026-04-23"))
    _ = try await registry.decideTrack(first, track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-04-23"))
    #expect(try await registry.issueBundle(first, by: .clerk("0231"), clock: on("2026-04-24")).outcome == .accepted)

    let muzidawei = Actor.applicant("370203199008231423")
    let late = try #require(try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.muzidawei), by: muzidawei, clock: on("2026-06-15")).subject)
    _ = try await registry.decideTrack(late, track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-06-16"))
    let lateInspection = InspectionRecord(inspectedOn: CivilDate("2026-06-22")!, inspectors: ["0301", "0302"])
    _ = try await registry.decideTrack(late, track: .food, decision: .approve(inspection: lateInspection), by: .clerk("0233"), clock: on("2026-06-22"))
    #expect(try await registry.issueBundle(late, by: .clerk("0231"), clock: on("2026-06-23")).outcome == .accepted)

    let open = try await registry.submitBundle(try TianShengJiXiang.muzidaweiShop(1), by: muzidawei, clock: on("2026-06-24"))
    #expect(open.outcome == .accepted)
    #expect(open.dueOn == CivilDate("2026-06-26"))
    return registry
  }

  @Test func countsRegistrationsAndBundlesInAllPerKindCentreAndMonth() async throws {
    let registry = try await smallRegistry()
    let statistics = try await registry.statistics(asOf: CivilDate("2026-06-30")!)
    #expect(statistics.asOf == CivilDate("2026-06-30"))

    let registrations = statistics.registrations
    #expect(registrations.accepted == 1)
    #expect(registrations.refused == 1)
    #expect(registrations.materialsSaved == Receipt.MaterialsSaved(count: 3, percent: 75, fullSet: 4))
    #expect(registrations.limitWorkingDays == 0)
    #expect(registrations.onTime == 2)
    #expect(registrations.onTimePercent == 100)

    let bundles = statistics.bundles
    #expect(bundles.accepted == 3)
    #expect(bundles.issued == 2)
    #expect(bundles.rejected == 0)
    #expect(bundles.decided == 2)
    #expect(bundles.open == 1)
    #expect(bundles.overdue == 1)
    #expect(bundles.onTime == 1)
    #expect(bundles.onTimePercent == 50)
    // 2 working days (天晟吉祥) + 5 (木滋嗒味, over 端午节) against 2 + 2.
    #expect(bundles.workingDaysTaken == 7)
    #expect(bundles.workingDaysAllowed == 4)
    #expect(bundles.averageWorkingDays == 3.5)
    #expect(bundles.timeUsedPercent == 175)
    #expect(bundles.provisional == 0)

    #expect(statistics.bundleKinds.map(\.kind) == [.opening])
    #expect(statistics.bundleKinds.first?.limitWorkingDays == 2)
    #expect(statistics.bundleKinds.first?.bundles == bundles)

    #expect(statistics.centres.map(\.centre) == ["370202001", "370202005", nil])
    #expect(statistics.centres.map(\.name) == ["香港中路街道", "中山路街道", nil])
    let hongKongRoad = statistics.centres[0]
    #expect(hongKongRoad.registrations.accepted + hongKongRoad.registrations.refused == 0)
    #expect(hongKongRoad.bundles.accepted == 1)
    #expect(hongKongRoad.bundles.onTime == 1)
    #expect(hongKongRoad.bundles.averageWorkingDays == 2)
    let zhongshanRoad = statistics.centres[1]
    #expect(zhongshanRoad.registrations.accepted == 1)
    #expect(zhongshanRoad.registrations.materialsSaved.percent == 75)
    #expect(zhongshanRoad.bundles.accepted == 0)
    let unknown = statistics.centres[2]
    #expect(unknown.registrations.accepted == 0)
    #expect(unknown.registrations.refused == 1)
    #expect(unknown.bundles.accepted == 2)
    #expect(unknown.bundles.onTime == 0)
    #expect(unknown.bundles.onTimePercent == 0)
    #expect(unknown.bundles.overdue == 1)
    #expect(unknown.bundles.workingDaysTaken == 5)

    #expect(statistics.months.map(\.month) == ["2026-04", "2026-06"])
    #expect(statistics.months[0].registrations.accepted == 1)
    #expect(statistics.months[0].registrations.refused == 1)
    #expect(statistics.months[0].bundles.accepted == 1)
    #expect(statistics.months[1].registrations.accepted == 0)
    #expect(statistics.months[1].bundles.accepted == 2)
    #expect(statistics.months[1].bundles.issued == 1)

    // Before the open bundle's due date it is open, not overdue.
    let earlier = try await registry.statistics(asOf: CivilDate("2026-06-26")!)
    #expect(earlier.bundles.open == 1)
    #expect(earlier.bundles.overdue == 0)
  }

  @Test(arguments: StoreBackend.allCases) func anEmptyRegistryHasNoShares(_ backend: StoreBackend) async throws {
    let statistics = try await RegistryHarness(backend).registry.statistics(asOf: CivilDate("2026-06-30")!)
    #expect(statistics.registrations == RegistrationFigures())
    #expect(statistics.bundles == BundleFigures())
    #expect(statistics.bundles.onTimePercent == nil)
    #expect(statistics.bundles.averageWorkingDays == nil)
    #expect(statistics.centres.isEmpty)
    #expect(statistics.months.isEmpty)
    let text = RegistryTextRenderer(language: .en).render(statistics)
    #expect(text.contains("on time 0 (-)"))
  }

  @Test(arguments: StoreBackend.allCases) func receiptsRecordTheAcceptingCentre(_ backend: StoreBackend) async throws {
    var registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    // Named by the caller (the CLI's --service-centre, a replay step's centre).
    registry.serviceCentre = " 370202005 "
    let named = try await registry.register(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    #expect(named.serviceCentre == "370202005")
    #expect(named.xml.contains("<ServiceCentre>370202005</ServiceCentre>"))
    let trail = try await registry.auditTrail(subject: Taixingli.number)
    #expect(trail.last?.detail.contains("centre=370202005") == true)
    let report = await RegistryHarness.oneWindow.validate(bytes: Array(named.xml.utf8), name: "receipt.xml")
    #expect(report.outcome == .accepted, "\(report.findings.map(\.message.en))")

    // Else the acting clerk account's centre.
    registry.serviceCentre = nil
    try await registry.addAccount(
      Account(username: "zhao", kind: .clerk, identity: "0232", identityType: .staffNumber, name: "赵", serviceCentre: "370202010"),
      passwordHash: "not a real hash", by: .system, clock: on("2026-04-14"))
    let fromAccount = try await registry.register(
      RegistryHarness.source(Taixingli.haiheU201), by: Taixingli.entryClerk, clock: on("2026-04-15"))
    #expect(fromAccount.outcome == .accepted)
    #expect(fromAccount.serviceCentre == "370202010")

    // An applicant with no centre named: unknown.
    let selfService = try await registry.register(
      RegistryHarness.source(Taixingli.qinyuU201), by: .applicant("91370202MA3UC4K704"), clock: on("2026-04-22"))
    #expect(selfService.outcome == .accepted)
    #expect(selfService.serviceCentre == nil)
    #expect(!selfService.xml.contains("<ServiceCentre>"))

    let statistics = try await registry.statistics(asOf: CivilDate("2026-04-30")!)
    #expect(statistics.centres.map(\.centre) == ["370202005", "370202010", nil])
    #expect(statistics.centres.map(\.registrations.accepted) == [1, 1, 1])
  }

  @Test func mergingAddsCountsAndRecomputesShares() async throws {
    let one = try await smallRegistry().statistics(asOf: CivilDate("2026-06-30")!)
    let empty = RegistryStatistics(asOf: CivilDate("2026-07-31")!)
    let merged = RegistryStatistics.merged([one, one, empty], subdistricts: RegistryHarness.oneWindow.policy.subdistricts)
    #expect(merged.asOf == CivilDate("2026-07-31"))
    #expect(merged.registrations.accepted == 2)
    #expect(merged.registrations.materialsSaved == Receipt.MaterialsSaved(count: 6, percent: 75, fullSet: 8))
    #expect(merged.bundles.accepted == 6)
    #expect(merged.bundles.onTime == 2)
    #expect(merged.bundles.onTimePercent == 50)
    #expect(merged.bundles.averageWorkingDays == 3.5)
    #expect(merged.centres.map(\.centre) == one.centres.map(\.centre))
    #expect(merged.centres.map(\.name) == one.centres.map(\.name))
    #expect(merged.months.map(\.month) == one.months.map(\.month))
    #expect(merged.bundleKinds.first?.bundles.accepted == 6)
  }

  @Test func jsonUsesCamelCaseAndCodes() async throws {
    let statistics = try await smallRegistry().statistics(asOf: CivilDate("2026-06-30")!)
    let json = RegistryTextRenderer.json(statistics)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["asOf"] as? String == "2026-06-30")
    let kinds = try #require(object["bundleKinds"] as? [[String: Any]])
    #expect(kinds.first?["kind"] as? String == "OPENING")
    #expect(kinds.first?["limitWorkingDays"] as? Int == 2)
    let bundles = try #require(object["bundles"] as? [String: Any])
    #expect(bundles["workingDaysTaken"] as? Int == 7)
    #expect(bundles["onTimePercent"] as? Double == 50)
    let centres = try #require(object["centres"] as? [[String: Any]])
    #expect(centres.last?["centre"] == nil)
    #expect(centres.first?["name"] as? String == "香港中路街道")
  }
}
