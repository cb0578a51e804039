import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Review outcomes other than the happy path, withdrawal, expiry, versions and listing.
struct PreFilingReviewTests {
  let on = RegistryHarness.on

  private func errors(_ receipt: Receipt) -> [String] {
    receipt.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue)
  }

  @Test(arguments: StoreBackend.allCases) func aRejectionKeepsItsReasonsAndIsStoredAsADecisionPacket(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let rejected = try await registry.reviewPreFiling(
      submitted.number, decision: .reject(reasons: ["PF-004 产权证明面积不足以覆盖单元"]), by: Taixingli.reviewClerk,
      clock: on("2026-03-04"))
    #expect(rejected.outcome == .accepted)
    #expect(rejected.packetFamily == "decision")
    let detail = try await #require(try registry.preFiling(submitted.number, asOf: on("2026-03-04").today))
    #expect(detail.summary.status == .rejected)
    #expect(detail.summary.number == nil)
    #expect(detail.reason == "PF-004 产权证明面积不足以覆盖单元")
    let decision = await String(decoding: try #require(try registry.packet(forReceipt: rejected.number)).bytes, as: UTF8.self)
    #expect(decision.contains("<SubmissionReceipt>RCPT-20260302-000001</SubmissionReceipt>"))
    #expect(decision.contains("<RuleRef>PF-004</RuleRef>"))
    #expect(decision.contains("<Decision>REJECT</Decision>"))
    // No number was used up.
    let again = try await registry.submitPreFiling(
      try RegistryHarness.source(Taixingli.preFiling, replacing: [("PF-TXL-2026-0001", "PF-TXL-2026-0002")]),
      by: Taixingli.owner, clock: on("2026-03-05"))
    let approved = try await registry.reviewPreFiling(again.number, decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-06"))
    #expect(approved.subject == "YBA-370202-2026-000001")
  }

  @Test(arguments: StoreBackend.allCases) func aCorrectionRequestIsAnsweredByAResubmission(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let asked = try await registry.reviewPreFiling(
      submitted.number, decision: .requestCorrection(reasons: ["补充规划用途证明", "声明书缺少安全使用承诺"]),
      by: Taixingli.reviewClerk, clock: on("2026-03-03"))
    #expect(asked.outcome == .accepted)
    await #expect(try registry.preFiling(submitted.number, asOf: on("2026-03-03").today)?.summary.status == .correctionRequested)
    await #expect(try registry.preFiling(submitted.number, asOf: on("2026-03-03").today)?.reason == "补充规划用途证明；声明书缺少安全使用承诺")
    // A second decision on the same submission is refused by state.
    let late = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: .clerk("0233"), clock: on("2026-03-03"))
    #expect(errors(late) == ["RG-003"])
  }

  @Test(arguments: StoreBackend.allCases) func theOwnerWithdrawsAndOnlyTheOwnerMay(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let haitianOwner = Actor.owner("91370200MA3M4T6B16")
    let submitted = try await registry.submitPreFiling(
      RegistryHarness.source("SampleFilings/valid/prefiling/haitian-centre.xml"), by: haitianOwner, clock: on("2026-03-16"))
    let approved = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-18"))
    let number = try #require(approved.subject)
    let withdrawal = try RegistryHarness.source(
      "SampleFilings/valid/amendment/haitian-withdrawal.xml", replacing: [("YBA-370202-2026-000003", number)])
    let byStranger = try await registry.withdrawPreFiling(withdrawal, by: Taixingli.owner, clock: on("2026-10-20"))
    #expect(errors(byStranger) == ["RG-001"])
    let byClerk = try await registry.withdrawPreFiling(withdrawal, by: .clerk("0231"), clock: on("2026-10-20"))
    #expect(errors(byClerk) == ["RG-001"])
    let byOwner = try await registry.withdrawPreFiling(withdrawal, by: haitianOwner, clock: on("2026-10-20"))
    #expect(byOwner.outcome == .accepted)
    await #expect(try registry.preFiling(number, asOf: on("2026-10-20").today)?.summary.status == .withdrawn)
  }

  @Test(arguments: StoreBackend.allCases) func anActivePreFilingExpiresAtTheEndOfItsValidity(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    _ = try await registry.reviewPreFiling(
      submitted.number, decision: .approve(validUntil: CivilDate("2026-05-31")), by: Taixingli.reviewClerk, clock: on("2026-03-04"))
    await #expect(try registry.preFilings(asOf: on("2026-05-31").today).map(\.status) == [.active])
    await #expect(try registry.preFilings(asOf: on("2026-06-01").today).map(\.status) == [.expired])
    await #expect(try registry.preFilings(asOf: on("2026-06-01").today, filter: PreFilingFilter(status: .active)).isEmpty)
    let late = try await registry.register(RegistryHarness.source(Taixingli.newCompanyU102), by: Taixingli.entryClerk, clock: on("2026-06-01"))
    #expect(errors(late) == ["TR-001"])
    #expect(late.findings.first { $0.ruleID == "TR-001" }?.message.zh.hasSuffix("住所预备案 YBA-370202-2026-000001 已于 2026-05-31 到期") == true)
  }

  @Test(arguments: StoreBackend.allCases) func theDefaultValidityIsThePolicyYearsLessADay(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    let summary = try await #require(try registry.preFilings(asOf: on("2026-03-04").today).first)
    #expect(RegistryHarness.oneWindow.policy.preFilingValidityYears == 3)
    #expect(summary.validUntil == CivilDate("2029-03-03"))
  }

  @Test(arguments: StoreBackend.allCases) func aDecisionPacketCanCarryTheApproval(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let packet = try RegistryHarness.source(
      "SampleFilings/valid/decision/taixingli-prefiling-approve.xml",
      replacing: [("<PreFilingNumber>YBA-370202-2026-000001</PreFilingNumber>", "<SubmissionReceipt>\(submitted.number)</SubmissionReceipt>")])
    let wrongClerk = try await registry.reviewPreFiling(decisionPacket: packet, by: .clerk("0231"), clock: on("2026-03-04"))
    #expect(errors(wrongClerk) == ["RG-001"])
    let approved = try await registry.reviewPreFiling(decisionPacket: packet, by: .clerk("SN2009"), clock: on("2026-03-04"))
    #expect(approved.outcome == .accepted)
    #expect(approved.subject == Taixingli.number)
    let summary = try await #require(try registry.preFilings(asOf: on("2026-03-04").today).first)
    #expect(summary.validFrom == CivilDate("2026-03-04"))
    #expect(summary.validUntil == CivilDate("2029-03-03"))
  }

  @Test(arguments: StoreBackend.allCases) func replacingAProofKeepsTheOldOneInItsVersion(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    let amended = try await registry.amendPreFiling(
      RegistryHarness.source("SampleFilings/valid/amendment/taixingli-replace-title-p1.xml"), by: Taixingli.owner,
      clock: on("2026-09-14"))
    #expect(amended.outcome == .accepted)
    let detail = try await #require(try registry.preFiling(Taixingli.number, asOf: on("2026-09-14").today))
    #expect(detail.proofs.map(\.id) == ["P-1", "P-2", "P-5"])
    #expect(detail.proofs.map(\.replacedIn) == [2, nil, nil])
    #expect(detail.versions.map(\.version) == [1, 2])
    let stranger = try await registry.amendPreFiling(
      try RegistryHarness.source(
        "SampleFilings/valid/amendment/taixingli-replace-title-p1.xml", replacing: [("PFA-TXL-2026-0003", "PFA-TXL-2026-0009")]),
      by: .owner("91370200MA3M4T6B16"), clock: on("2026-09-15"))
    #expect(errors(stranger).contains("RG-001"))
  }

  @Test(arguments: StoreBackend.allCases) func listsFilterByStatusAndOwner(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    _ = try await registry.submitPreFiling(
      RegistryHarness.source("SampleFilings/valid/prefiling/haitian-centre.xml"), by: .owner("91370200MA3M4T6B16"),
      clock: on("2026-03-16"))
    let today = on("2026-03-16").today
    await #expect(try registry.preFilings(asOf: today).map(\.reference) == [Taixingli.number, "RCPT-20260316-000001"])
    await #expect(try registry.preFilings(asOf: today, filter: PreFilingFilter(status: .submitted)).map(\.premisesName) == ["海天中心"])
    await #expect(try registry.preFilings(asOf: today, filter: PreFilingFilter(ownerIdentity: "91370202MA3C5Y7R9D")).map(\.reference) == [Taixingli.number])
  }
}
