import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-007: the same bytes are accepted once per operation. (A new `PacketId` makes a new
/// packet; whether it may be accepted again is for the other rules: one building one
/// pre-filing is PF-011, one shop one licence pair BL-012.)
struct NotADuplicateTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func aNewPacketIdMakesANewPacket(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    _ = try await registry.register(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    let second = try await registry.register(
      try RegistryHarness.source(Taixingli.zhanqiaoU201, replacing: [("TR-TXL-201-0001", "TR-TXL-201-0009")]),
      by: Taixingli.entryClerk, clock: on("2026-04-08"))
    #expect(second.outcome == .accepted)
    #expect(second.findings.filter { $0.ruleID == "RG-007" }.isEmpty)
  }

  @Test(arguments: StoreBackend.allCases) func theSameBytesTwiceAreRefusedNamingTheFirstReceipt(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    let first = try await registry.register(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    let second = try await registry.register(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-09"))
    #expect(second.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["RG-007"])
    #expect(second.findings.first { $0.ruleID == "RG-007" }?.value == first.number)
    #expect(second.findings.first { $0.ruleID == "RG-007" }?.location.file == Taixingli.zhanqiaoU201)
    // The refused copy is stored all the same.
    await #expect(try registry.packet(forReceipt: second.number)?.sha256 == first.packetSHA256)
  }
}
