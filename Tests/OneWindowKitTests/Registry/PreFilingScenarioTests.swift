import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// The scenario through the library API: submit, approve, three tenants register, a
/// fourth is refused for capacity, the owner adds a unit, the fourth registers, a clerk revokes,
/// a later registration is refused.
struct PreFilingScenarioTests {
  private func ids(_ receipt: Receipt) -> [String] {
    receipt.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue)
  }

  @Test func runsTheWholeStory() async throws {
    let harness = try RegistryHarness()
    let registry = harness.registry
    let on = RegistryHarness.on

    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    #expect(submitted.number == "RCPT-20260302-000001")
    #expect(submitted.outcome == .accepted)
    #expect(submitted.subject == "RCPT-20260302-000001")
    await #expect(try registry.preFiling(submitted.number, asOf: on("2026-03-02").today)?.summary.status == .submitted)

    let approved = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-04"))
    #expect(approved.outcome == .accepted)
    #expect(approved.subject == Taixingli.number)
    let active = try await #require(try registry.preFiling(Taixingli.number, asOf: on("2026-03-04").today))
    #expect(active.summary.status == .active)
    #expect(active.summary.validFrom == CivilDate("2026-03-04"))
    #expect(active.summary.validUntil == CivilDate("2029-03-03"))

    // Three tenants fill U-201 (capacity 3).
    let first = try await registry.register(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    let second = try await registry.register(RegistryHarness.source(Taixingli.haiheU201), by: .applicant("91370202MA3U8N2W0C"), clock: on("2026-04-15"))
    let third = try await registry.register(RegistryHarness.source(Taixingli.qinyuU201), by: .applicant("91370202MA3UC4K704"), clock: on("2026-04-22"))
    #expect([first, second, third].map(\.outcome) == [.accepted, .accepted, .accepted])
    // 太兴里's U-201: proof P-2, plus the declaration and the owner's licence, plus the lease;
    // the tenant handed in the entry agreement only.
    #expect(first.materialsSaved == Receipt.MaterialsSaved(count: 3, percent: 75, fullSet: 4))

    // The fourth is refused: TR-004 at UnitRef, line 10.
    let fourth = try await registry.register(RegistryHarness.source(Taixingli.shibeiU201), by: .applicant("91370203MA3QW8L492"), clock: on("2026-05-06"))
    #expect(fourth.number == "RCPT-20260506-000001")
    #expect(fourth.outcome == .rejected)
    #expect(ids(fourth) == ["TR-004"])
    let refusal = try #require(fourth.findings.first { $0.ruleID == "TR-004" })
    #expect(refusal.location.line == 10)
    #expect(refusal.location.path == "/TenantRegistration/UnitRef")
    #expect(fourth.materialsSaved == nil)

    // The owner adds U-202: version 2, version 1 kept.
    let amended = try await registry.amendPreFiling(RegistryHarness.source(Taixingli.addUnitU202), by: Taixingli.owner, clock: on("2026-05-11"))
    #expect(amended.outcome == .accepted)
    let afterAmendment = try await #require(try registry.preFiling(Taixingli.number, asOf: on("2026-05-11").today))
    #expect(afterAmendment.summary.version == 2)
    #expect(afterAmendment.versions.map(\.kind) == ["submitted", "amended"])
    #expect(afterAmendment.units.map(\.id) == ["U-101", "U-102", "U-201", "U-202"])

    // The fourth tenant registers in U-202, naming its refused receipt.
    let fourthAgain = try await registry.register(RegistryHarness.source(Taixingli.shibeiU202), by: .applicant("91370203MA3QW8L492"), clock: on("2026-06-08"))
    #expect(fourthAgain.outcome == .accepted)
    #expect(fourthAgain.findings.filter { $0.severity != .info }.isEmpty)
    #expect(fourthAgain.resubmits == "RCPT-20260506-000001")
    // U-202's own proof P-3 and the lease; the tenant handed in the agreement and its licence.
    #expect(fourthAgain.materialsSaved == Receipt.MaterialsSaved(count: 3, percent: 75, fullSet: 4))

    let revoked = try await registry.revokePreFiling(
      Taixingli.number, reason: "产权单位申请注销部分房产，住所已不具备使用条件", by: Taixingli.reviewClerk, clock: on("2026-09-01"))
    #expect(revoked.outcome == .accepted)

    let later = try await registry.register(RegistryHarness.source(Taixingli.newCompanyU102), by: Taixingli.entryClerk, clock: on("2026-09-10"))
    #expect(later.outcome == .rejected)
    #expect(ids(later) == ["TR-001"])
    #expect(later.findings.first { $0.ruleID == "TR-001" }?.location.line == 9)
    #expect(later.findings.first { $0.ruleID == "TR-001" }?.message.zh.contains("已撤销") == true)

    let final = try await #require(try registry.preFiling(Taixingli.number, asOf: on("2026-09-10").today))
    #expect(final.summary.status == .revoked)
    #expect(final.reason == "产权单位申请注销部分房产，住所已不具备使用条件")
    #expect(final.tenancies.map(\.unit) == ["U-201", "U-201", "U-201", "U-202"])
    #expect(final.summary.occupied == 4)
    #expect(final.summary.places == 6)
    #expect(final.history.map(\.action) == [
      "prefiling.submitted", "prefiling.approved", "tenancy.registered", "tenancy.registered", "tenancy.registered",
      "register.refused", "prefiling.amended", "tenancy.registered", "prefiling.revoked", "register.refused",
    ])

    let audit = try await registry.verifyAudit()
    #expect(audit.isIntact)
    #expect(audit.events == 10)
    #expect(audit.receiptsChecked == 10)
  }

  @Test(arguments: StoreBackend.allCases) func aRejectedPacketIsStoredAndItsReceiptListsTheFindings(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let bad = "SampleFilings/invalid/prefiling/uscc-too-short.xml"
    let receipt = try await registry.submitPreFiling(RegistryHarness.source(bad), by: .clerk("0232"), clock: RegistryHarness.on("2026-03-02"))
    #expect(receipt.outcome == .rejected)
    #expect(receipt.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["XSD-1839"])
    #expect(receipt.findings.first?.location.line == 12)
    let stored = try await #require(try registry.packet(forReceipt: receipt.number))
    #expect(stored.bytes == (try Repository.bytes(bad)))
    #expect(stored.sha256 == receipt.packetSHA256)
    await #expect(try registry.preFilings(asOf: RegistryHarness.on("2026-03-02").today).isEmpty)
    await #expect(try registry.receipt(receipt.number)?.findings == receipt.findings)
  }
}
