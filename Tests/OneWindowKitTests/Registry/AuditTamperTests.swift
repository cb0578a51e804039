import Foundation
import GRDB
import OneWindowKit
import OneWindowTestSupport
import Testing

/// `audit verify` against a registry file altered behind OneWindow's back: bytes patched in the
/// file, events deleted with the append-only triggers dropped, the newest events deleted with
/// their receipts (caught only by a receipt the applicant kept).
struct AuditTamperTests {
  let on = RegistryHarness.on

  /// 太兴里 approved and two tenants registered: five events, five receipts. Returns the file
  /// path and the receipts; the registry is closed (checkpointed) when this returns.
  private func story() async throws -> (path: String, receipts: [Receipt]) {
    let harness = try RegistryHarness(onDisk: true)
    let (submitted, approved) = try await Taixingli.approved(in: harness.registry)
    let first = try await harness.registry.register(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    let second = try await harness.registry.register(RegistryHarness.source(Taixingli.haiheU201), by: Taixingli.entryClerk, clock: on("2026-04-15"))
    let third = try await harness.registry.register(RegistryHarness.source(Taixingli.qinyuU201), by: Taixingli.entryClerk, clock: on("2026-04-22"))
    let path = try #require(harness.path)
    try await DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    return (path, [submitted, approved, first, second, third])
  }

  private func verify(_ path: String, receipts: [ReceiptChainHead] = []) async throws -> AuditVerification {
    try await Registry(oneWindow: RegistryHarness.oneWindow, path: path).verifyAudit(receipts: receipts)
  }

  @Test func anUntouchedFileVerifies() async throws {
    let (path, receipts) = try await story()
    let verification = try await verify(path)
    #expect(verification.isIntact)
    #expect(verification.events == 5)
    #expect(verification.headSequence == 5)
    #expect(verification.headHash == receipts.last?.auditHead)
  }

  @Test func bytesPatchedInTheFileAreReported() async throws {
    let (path, _) = try await story()
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    // The approval's validity, as written in its audit event, moved ten years on.
    let original = Data("valid=2026-03-04..2029-03-03".utf8)
    let forged = Data("valid=2026-03-04..2039-03-03".utf8)
    let found = try #require(bytes.range(of: original))
    bytes.replaceSubrange(found, with: forged)
    #expect(bytes.range(of: original) == nil)
    try bytes.write(to: URL(fileURLWithPath: path))
    let verification = try await verify(path)
    #expect(verification.problems.map(\.description) == ["event 2 was altered"])
    #expect(verification.problems.map(\.sequence) == [2])
  }

  @Test func aDeletedEventIsReported() async throws {
    let (path, _) = try await story()
    try await DatabaseQueue(path: path).write { db in
      try db.execute(sql: "DROP TRIGGER audit_event_no_delete")
      try db.execute(sql: "DELETE FROM audit_event WHERE sequence = 3")
    }
    let verification = try await verify(path)
    #expect(verification.problems.map(\.description) == [
      "receipt RCPT-20260408-000001 records event 3, which is no longer in the log",
      "events 3–3 are missing",
    ])
  }

  @Test func theNewestEventsDeletedWithTheirReceiptsAreCaughtByAKeptReceipt() async throws {
    let (path, receipts) = try await story()
    try await DatabaseQueue(path: path).write { db in
      try db.execute(sql: "DROP TRIGGER audit_event_no_delete")
      try db.execute(sql: "DELETE FROM audit_event WHERE sequence >= 4")
      try db.execute(sql: "DELETE FROM receipt WHERE audit_sequence >= 4")
    }
    // The registry alone looks consistent: that is what receipts carrying the head are for.
    await #expect(try verify(path).isIntact)
    let kept = try RegistryHarness.oneWindow.receiptChainHead(bytes: Array(receipts[4].xml.utf8), name: "kept-receipt.xml")
    #expect(kept == ReceiptChainHead(receipt: receipts[4].number, sequence: 5, hash: receipts[4].auditHead, source: "kept-receipt.xml"))
    let verification = try await verify(path, receipts: [kept])
    #expect(verification.problems.map(\.description) == [
      "receipt RCPT-20260422-000001 (kept-receipt.xml) records event 5, which is no longer in the log"
    ])
  }

  @Test func aForgedReceiptFileIsNotAccepted() throws {
    let text = "<Receipt xmlns=\"urn:onewindow:receipt:v1\"><Number>RCPT-1</Number></Receipt>"
    #expect(throws: OneWindowError.self) {
      try RegistryHarness.oneWindow.receiptChainHead(bytes: Array(text.utf8), name: "forged.xml")
    }
  }
}
