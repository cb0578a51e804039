import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-007: the same bytes are accepted once per operation.
struct NotADuplicateTests {
  let on = RegistryHarness.on

  @Test func aNewPacketIdMakesANewPacket() throws {
    let registry = try RegistryHarness().registry
    _ = try registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let second = try registry.submitPreFiling(
      try RegistryHarness.source(Taixingli.preFiling, replacing: [("PF-TXL-2026-0001", "PF-TXL-2026-0002")]),
      by: Taixingli.owner, clock: on("2026-03-02"))
    #expect(second.outcome == .accepted)
  }

  @Test func theSameBytesTwiceAreRefusedNamingTheFirstReceipt() throws {
    let registry = try RegistryHarness().registry
    let first = try registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let second = try registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-03"))
    #expect(second.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["RG-007"])
    #expect(second.findings.first { $0.ruleID == "RG-007" }?.value == first.number)
    #expect(second.findings.first { $0.ruleID == "RG-007" }?.location.file == Taixingli.preFiling)
    #expect(try registry.preFilings(asOf: on("2026-03-03").today).count == 1)
    // The refused copy is stored all the same.
    #expect(try registry.packet(forReceipt: second.number)?.sha256 == first.packetSHA256)
  }
}
