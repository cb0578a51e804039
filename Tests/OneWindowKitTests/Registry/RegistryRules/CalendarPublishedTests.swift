import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-008: (issue 12, fault 9) an unpublished year never blocks the window. A deadline or a
/// working-day count that needs a schedule not yet published (or a date from 20 December on,
/// which next year's notice may still move) is counted Monday to Friday, recorded as
/// provisional with a warning, and completed once the year's file is added.
struct CalendarPublishedTests {
  let on = RegistryHarness.on
  let applicant = Actor.applicant(TianShengJiXiang.operatorID)

  @Test(arguments: StoreBackend.allCases) func aDueDateInsideThePublishedYearsIsCounted(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    // Monday 2026-12-14 + 2 working days = Wednesday 2026-12-16, settled.
    let receipt = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-12-14"))
    #expect(receipt.findings.map(\.ruleID).contains("RG-008") == false)
    #expect(receipt.dueOn == CivilDate("2026-12-16"))
    #expect(receipt.dueProvisional == nil)
  }

  @Test(arguments: StoreBackend.allCases) func aBundleAcceptedOnThirtiethDecemberIsNumberedWithAProvisionalDueDate(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    // Wednesday 2026-12-30 + 2 working days runs into 2027, which has no published schedule.
    let receipt = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-12-30"))
    #expect(receipt.outcome == .accepted)
    #expect(receipt.subject == "YJS-370202-2026-000001")
    #expect(receipt.findings.filter { $0.ruleID == "RG-008" }.map(\.severity) == [.warning])
    #expect(receipt.dueOn == CivilDate("2027-01-01"))
    #expect(receipt.dueProvisional == true)
    #expect(receipt.xml.contains("<DueOn provisional=\"true\">2027-01-01</DueOn>"))
    let summary = try #require(try await registry.bundle("YJS-370202-2026-000001")?.summary)
    #expect(summary.dueProvisional == true)
    #expect(try await registry.provisionalDueBundles().map(\.number) == ["YJS-370202-2026-000001"])
  }

  @Test(arguments: StoreBackend.allCases) func lateDecemberCountsAsNeedingNextYearsNotice(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    // Monday 2026-12-21 + 2 = Wednesday 2026-12-23: inside 2026, but the 2027 notice may move it.
    let receipt = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-12-21"))
    #expect(receipt.outcome == .accepted)
    #expect(receipt.dueOn == CivilDate("2026-12-23"))
    #expect(receipt.dueProvisional == true)
  }

  @Test func theYearsFileCompletesTheDueDateAndIssuanceIsNotBlocked() async throws {
    let harness = try RegistryHarness(onDisk: true)
    let registry = harness.registry
    try await TianShengJiXiang.preFiled(in: registry)
    let accepted = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-12-30"))
    let number = try #require(accepted.subject)
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-12-31"))
    _ = try await registry.decideTrack(
      number, track: .food,
      decision: .approve(inspection: InspectionRecord(inspectedOn: CivilDate("2026-12-31")!, inspectors: ["0301", "0302"])),
      by: .clerk("0233"), clock: on("2026-12-31"))
    // Issued on 5 January 2027 before the 2027 schedule exists: not blocked, provisional.
    let issued = try await registry.issueBundle(number, by: .clerk("0231"), clock: on("2027-01-05"))
    #expect(issued.outcome == .accepted)
    #expect(issued.findings.filter { $0.ruleID == "RG-008" }.map(\.severity) == [.warning])
    let before = try #require(try await registry.bundle(number)?.summary)
    #expect(before.workingDaysTaken == 4)
    #expect(before.workingDaysProvisional == true)
    #expect(before.dueProvisional == true)
    // The 2027 file is added (1 January off): views complete at once, the next write records it.
    let withSchedule = try harness.reopened(with: try RegistryHarness.oneWindow(addingScheduleFor: 2027, offDays: ["2027-01-01"]))
    let after = try #require(try await withSchedule.bundle(number)?.summary)
    #expect(after.dueOn == CivilDate("2027-01-04"))
    #expect(after.dueProvisional == nil)
    #expect(after.workingDaysTaken == 3)
    #expect(after.workingDaysProvisional == nil)
    _ = try await withSchedule.revokePreFiling(
      "YBA-370202-2026-000001", reason: "测试", by: .clerk("0231"), clock: on("2027-01-06"))
    let completed = try await withSchedule.auditTrail(subject: number).filter { $0.action == "bundle.dates-completed" }
    #expect(completed.map(\.detail).first?.contains("due=2027-01-04; working-days=3") == true)
    await #expect(try withSchedule.verifyAudit().isIntact)
  }
}
