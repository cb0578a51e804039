import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-005: each operation takes its own kind of packet.
struct PacketKindFitsTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func aPreFilingFitsSubmit(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let receipt = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    #expect(receipt.findings.map(\.ruleID).contains("RG-005") == false)
  }

  @Test(arguments: StoreBackend.allCases) func aRegistrationDoesNotFitSubmitAndIsStillStored(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let receipt = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.owner, clock: on("2026-04-08"))
    // A packet of another family is answered with RG-005 alone (its own rules are for another
    // operation).
    #expect(receipt.findings.map(\.ruleID.rawValue) == ["RG-005"])
    #expect(receipt.findings.first { $0.ruleID == "RG-005" }?.value == "TenantRegistration")
    await #expect(try registry.packet(forReceipt: receipt.number)?.bytes == (try Repository.bytes(Taixingli.zhanqiaoU201)))
  }
}
