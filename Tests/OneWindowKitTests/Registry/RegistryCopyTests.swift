import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// `registry copy`: an embedded registry moved into PostgreSQL verifies the same on both sides,
/// every receipt's head is found there, and the copy goes on numbering where the original stopped.
struct RegistryCopyTests {
  let on = RegistryHarness.on

  @Test func aSQLiteRegistryCopiedIntoPostgresVerifiesOnBothSides() async throws {
    let source = try RegistryHarness(.sqlite, onDisk: true)
    try await TianShengJiXiang.preFiled(in: source.registry)
    let registered = try await source.registry.register(
      RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    #expect(registered.outcome == .accepted)
    let before = try await source.registry.verifyAudit()

    let target = try RegistryHarness(.postgres)
    let copied = try await source.registry.copy(into: target.registry)
    #expect(copied.map(\.table).first == "packet")
    #expect(copied.first { $0.table == "audit_event" }?.rows == before.events)
    #expect(copied.first { $0.table == "tenancy" }?.rows == 1)

    let after = try await target.registry.verifyAudit()
    #expect(after.problems.isEmpty, "\(after.problems)")
    #expect(after.events == before.events)
    #expect(after.headSequence == before.headSequence)
    #expect(after.headHash == before.headHash)
    #expect(after.receiptsChecked == before.receiptsChecked)
    // The receipt a tenant holds is found, with its chain head, in the copy.
    let kept = try #require(try await target.registry.receipt(registered.number))
    #expect(kept.auditHead == registered.auditHead)
    #expect(try await target.registry.packet(forReceipt: registered.number)?.sha256 == registered.packetSHA256)

    // The copy goes on: the next registration is numbered after the copied ones and verifies.
    let next = try await target.registry.register(
      RegistryHarness.source(Taixingli.haiheU201), by: Actor.applicant("91370202MA3U8N2W0C"), clock: on("2026-04-15"))
    #expect(next.outcome == .accepted)
    #expect(next.auditSequence == before.headSequence + 1)
    #expect(try await target.registry.verifyAudit().problems.isEmpty)
    // Copying into a registry that holds anything is refused, and writes nothing.
    let again = await #expect(throws: OneWindowError.self) { try await source.registry.copy(into: target.registry) }
    #expect(again?.message.en.contains("the target registry is not empty") == true)
    #expect(try await target.registry.verifyAudit().events == before.events + 1)
  }
}
