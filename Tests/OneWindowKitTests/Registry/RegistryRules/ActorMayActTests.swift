import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-001: only a clerk decides; only the packet's owner submits, amends or withdraws.
struct ActorMayActTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func aClerkMayApprove(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let approved = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-04"))
    #expect(approved.findings.map(\.ruleID).contains("RG-001") == false)
    #expect(approved.outcome == .accepted)
  }

  @Test(arguments: StoreBackend.allCases) func anOwnerMayNotApprove(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let refused = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: Taixingli.owner, clock: on("2026-03-04"))
    #expect(refused.outcome == .rejected)
    #expect(refused.findings.map(\.ruleID.rawValue) == ["RG-001"])
    #expect(refused.findings[0].location.file == "prefile.review")
    #expect(refused.findings[0].value == "91370202MA3C5Y7R9D")
    await #expect(try registry.preFiling(submitted.number, asOf: on("2026-03-04").today)?.summary.status == .submitted)
  }

  @Test(arguments: StoreBackend.allCases) func anOwnerSubmitsOnlyItsOwnBuilding(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let refused = try await registry.submitPreFiling(
      RegistryHarness.source(Taixingli.preFiling), by: .owner("91370200MA3M4T6B16"), clock: on("2026-03-02"))
    #expect(refused.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["RG-001"])
    await #expect(try registry.preFilings(asOf: on("2026-03-02").today).isEmpty)
  }
}
