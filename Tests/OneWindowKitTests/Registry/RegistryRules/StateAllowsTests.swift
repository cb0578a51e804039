import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-003: a decision needs the state it decides from (submitted to review, active to revoke).
struct StateAllowsTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func revokingAnActivePreFilingIsAllowed(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    let revoked = try await registry.revokePreFiling(Taixingli.number, reason: "住所灭失", by: Taixingli.reviewClerk, clock: on("2026-06-01"))
    #expect(revoked.outcome == .accepted)
  }

  @Test(arguments: StoreBackend.allCases) func aSecondApprovalIsRefused(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let (submitted, _) = try await Taixingli.approved(in: registry)
    let again = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: .clerk("0233"), clock: on("2026-03-05"))
    #expect(again.findings.map(\.ruleID.rawValue) == ["RG-003"])
    #expect(again.findings[0].value == "active")
    #expect(again.findings[0].message.zh == "预备案 RCPT-20260302-000001 当前为“已备案”，不能准予")
  }

  @Test(arguments: StoreBackend.allCases) func revokingASubmittedPreFilingIsRefused(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let refused = try await registry.revokePreFiling(submitted.number, reason: "x", by: Taixingli.reviewClerk, clock: on("2026-03-03"))
    #expect(refused.findings.map(\.ruleID.rawValue) == ["RG-003"])
  }
}
