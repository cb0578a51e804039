import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-002: the clerk who entered a packet at the window (帮办代办) does not approve it.
struct FourEyesTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func anotherClerkApproves(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let entered = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.entryClerk, clock: on("2026-03-02"))
    let approved = try await registry.reviewPreFiling(entered.number, decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-04"))
    #expect(approved.outcome == .accepted)
    #expect(approved.subject == Taixingli.number)
  }

  @Test(arguments: StoreBackend.allCases) func theEnteringClerkMayNotApprove(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let entered = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.entryClerk, clock: on("2026-03-02"))
    let refused = try await registry.reviewPreFiling(entered.number, decision: .approve(), by: Taixingli.entryClerk, clock: on("2026-03-04"))
    #expect(refused.findings.map(\.ruleID.rawValue) == ["RG-002"])
    #expect(refused.findings[0].value == "0232")
    #expect(refused.subject == entered.number)
    await #expect(try registry.preFiling(entered.number, asOf: on("2026-03-04").today)?.summary.status == .submitted)
  }
}
