import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-008: a deadline is only counted through years whose holiday schedule is published; the
/// operation could not run (exit 2), but the packet is stored and answered.
struct CalendarPublishedTests {
  let on = RegistryHarness.on
  let applicant = Actor.applicant(TianShengJiXiang.operatorID)

  @Test func aDueDateInsideThePublishedYearsIsCounted() async throws {
    let registry = try RegistryHarness().registry
    try await TianShengJiXiang.preFiled(in: registry)
    // Monday 2026-12-28 + 2 working days = Wednesday 2026-12-30, still in 2026.
    let receipt = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-12-28"))
    #expect(receipt.findings.map(\.ruleID).contains("RG-008") == false)
    #expect(receipt.dueOn == CivilDate("2026-12-30"))
  }

  @Test func aDueDateRunningIntoAnUnpublishedYearCannotRunButIsStored() async throws {
    let registry = try RegistryHarness().registry
    try await TianShengJiXiang.preFiled(in: registry)
    // Wednesday 2026-12-30 + 2 working days runs into 2027, which has no published schedule.
    let receipt = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-12-30"))
    #expect(receipt.outcome == .couldNotRun)
    #expect(receipt.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["RG-008"])
    #expect(receipt.findings.first { $0.ruleID == "RG-008" }?.message.en.hasSuffix("cannot count the deadline: no holiday schedule is published for 2027; working days in 2027 are not guessed") == true)
    #expect(receipt.subject == nil)
    await #expect(try registry.packet(forReceipt: receipt.number)?.sha256 == receipt.packetSHA256)
    await #expect(try registry.bundles().isEmpty)
  }
}
