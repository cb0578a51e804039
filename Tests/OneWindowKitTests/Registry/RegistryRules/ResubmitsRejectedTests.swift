import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-006: (a warning) a packet that says it corrects a refused one names that refusal's receipt.
struct ResubmitsRejectedTests {
  let on = RegistryHarness.on

  /// 太兴里 approved and U-201 full, so 拾贝's first try is refused on 2026-05-06 (RCPT-20260506-000001).
  private func refusedThenAmended() async throws -> Registry {
    let registry = try RegistryHarness().registry
    try await Taixingli.approved(in: registry)
    for (packet, day) in [(Taixingli.zhanqiaoU201, "2026-04-08"), (Taixingli.haiheU201, "2026-04-15"), (Taixingli.qinyuU201, "2026-04-22")] {
      _ = try await registry.register(RegistryHarness.source(packet), by: Taixingli.entryClerk, clock: on(day))
    }
    let refused = try await registry.register(RegistryHarness.source(Taixingli.shibeiU201), by: Taixingli.entryClerk, clock: on("2026-05-06"))
    #expect(refused.number == "RCPT-20260506-000001")
    #expect(refused.outcome == .rejected)
    _ = try await registry.amendPreFiling(RegistryHarness.source(Taixingli.addUnitU202), by: Taixingli.owner, clock: on("2026-05-11"))
    return registry
  }

  @Test func namingTheRefusalIsQuiet() async throws {
    let registry = try await refusedThenAmended()
    let receipt = try await registry.register(RegistryHarness.source(Taixingli.shibeiU202), by: Taixingli.entryClerk, clock: on("2026-06-08"))
    #expect(receipt.outcome == .accepted)
    #expect(receipt.findings.map(\.ruleID).contains("RG-006") == false)
    // The receipt compares it with the refused packet: TR-004 resolved, nothing new.
    let diff = try #require(receipt.resubmission)
    #expect(diff.resubmits == "RCPT-20260506-000001")
    #expect(diff.resolved.map(\.ruleID.rawValue) == ["TR-004"])
    #expect(diff.stillPresent.isEmpty)
    #expect(diff.new.isEmpty)
    let report = await RegistryHarness.oneWindow.validate(bytes: Array(receipt.xml.utf8), name: "receipt.xml")
    #expect(report.findings.filter { $0.severity == .error }.isEmpty)
    #expect(receipt.xml.contains("<Resolved count=\"1\">"))
  }

  @Test func namingAnUnknownReceiptWarnsAtResubmits() async throws {
    let registry = try await refusedThenAmended()
    let packet = try RegistryHarness.source(Taixingli.shibeiU202, replacing: [("RCPT-20260506-000001", "RCPT-20260506-000007")])
    let receipt = try await registry.register(packet, by: Taixingli.entryClerk, clock: on("2026-06-08"))
    #expect(receipt.outcome == .accepted)
    let warning = try #require(receipt.findings.first { $0.ruleID == "RG-006" })
    #expect(warning.severity == .warning)
    #expect(warning.location.line == 8)
    #expect(warning.location.path == "/TenantRegistration/Header/Resubmits")
    #expect(warning.value == "RCPT-20260506-000007")
  }

  @Test func namingAnAcceptingReceiptWarns() async throws {
    let registry = try await refusedThenAmended()
    let packet = try RegistryHarness.source(Taixingli.shibeiU202, replacing: [("RCPT-20260506-000001", "RCPT-20260408-000001")])
    let receipt = try await registry.register(packet, by: Taixingli.entryClerk, clock: on("2026-06-08"))
    #expect(receipt.findings.first { $0.ruleID == "RG-006" }?.message.en == "receipt RCPT-20260408-000001 did not refuse a packet")
  }
}
