import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-007: the same bytes are accepted once per operation.
struct NotADuplicateTests {
  let on = RegistryHarness.on

  @Test func aNewPacketIdMakesANewPacket() async throws {
    let registry = try RegistryHarness().registry
    _ = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let second = try await registry.submitPreFiling(
      try RegistryHarness.source(Taixingli.preFiling, replacing: [("PF-TXL-2026-0001", "PF-TXL-2026-0002")]),
      by: Taixingli.owner, clock: on("2026-03-02"))
    #expect(second.outcome == .accepted)
  }

  @Test func theSameBytesTwiceAreRefusedNamingTheFirstReceipt() async throws {
    let registry = try RegistryHarness().registry
    let first = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let second = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-03"))
    #expect(second.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["RG-007"])
    #expect(second.findings.first { $0.ruleID == "RG-007" }?.value == first.number)
    #expect(second.findings.first { $0.ruleID == "RG-007" }?.location.file == Taixingli.preFiling)
    await #expect(try registry.preFilings(asOf: on("2026-03-03").today).count == 1)
    // The refused copy is stored all the same.
    await #expect(try registry.packet(forReceipt: second.number)?.sha256 == first.packetSHA256)
  }
}
