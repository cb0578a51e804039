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
      "counter RCPT-20260408 was not made by any recorded event: added outside OneWindow",
      "tenancy 1 was not made by any recorded event: added outside OneWindow",
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
    // The chain alone looks consistent; the state ledger finds the tenancies no event made.
    let alone = try await verify(path)
    #expect(alone.problems.map(\.description) == [
      "counter RCPT-20260415 was not made by any recorded event: added outside OneWindow",
      "counter RCPT-20260422 was not made by any recorded event: added outside OneWindow",
      "tenancy 2 was not made by any recorded event: added outside OneWindow",
      "tenancy 3 was not made by any recorded event: added outside OneWindow",
    ])
    let kept = try RegistryHarness.oneWindow.receiptChainHead(bytes: Array(receipts[4].xml.utf8), name: "kept-receipt.xml")
    #expect(kept == ReceiptChainHead(receipt: receipts[4].number, sequence: 5, hash: receipts[4].auditHead, source: "kept-receipt.xml"))
    let verification = try await verify(path, receipts: [kept])
    #expect(verification.problems.map(\.description).last == "receipt RCPT-20260422-000001 (kept-receipt.xml) records event 5, which is no longer in the log")
    #expect(verification.problems.count == 5)
  }

  // MARK: - Issue 12, fault 5: verification that verifies

  @Test func garbageWrittenMidFileIsNotIntact() async throws {
    let (path, _) = try await story()
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: (size / 2 / 4096) * 4096)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
    try handle.close()
    do {
      let verification = try await verify(path)
      #expect(!verification.isIntact)
      #expect(verification.problems.contains { $0.area == .database })
    } catch let error as OneWindowError {
      guard case .registry(let failure) = error else { throw error }
      #expect(failure.kind == .corrupt)
    }
  }

  @Test func aSameLengthEditOfAStoredPacketIsReported() async throws {
    let (path, receipts) = try await story()
    try await DatabaseQueue(path: path).write { db in
      let id = try #require(try Int64.fetchOne(db, sql: "SELECT packet_id FROM receipt WHERE number = ?", arguments: [receipts[2].number]))
      var bytes = try #require(try Data.fetchOne(db, sql: "SELECT bytes FROM packet WHERE id = ?", arguments: [id]))
      let found = try #require(bytes.range(of: Data("栈桥".utf8)))
      bytes.replaceSubrange(found, with: Data("栈道".utf8))
      try db.execute(sql: "UPDATE packet SET bytes = ? WHERE id = ?", arguments: [bytes, id])
    }
    let verification = try await verify(path)
    #expect(verification.problems.map(\.description) == [
      "receipt \(receipts[2].number): the stored packet no longer matches its SHA-256"
    ])
    #expect(verification.problems.map(\.area) == [.packet])
    #expect(verification.packetsChecked == 5)
  }

  @Test func aDeletedTenancyRowIsReported() async throws {
    let (path, _) = try await story()
    try await DatabaseQueue(path: path).write { db in try db.execute(sql: "DELETE FROM tenancy WHERE id = 2") }
    let verification = try await verify(path)
    #expect(verification.problems.map(\.description) == [
      "tenancy 2, recorded by event 4, is gone: deleted outside OneWindow"
    ])
    #expect(verification.problems.map(\.sequence) == [4])
  }

  @Test func aChangedUnitRowIsReported() async throws {
    let (path, _) = try await story()
    try await DatabaseQueue(path: path).write { db in
      try db.execute(sql: "UPDATE unit SET capacity = 30 WHERE unit_id = 'U-201'")
    }
    let verification = try await verify(path)
    #expect(verification.problems.map(\.description) == [
      "unit 1/U-201 differs from what event 1 recorded: changed outside OneWindow"
    ])
  }

  @Test func realTimeGoingBackwardsIsReported() async throws {
    let harness = try RegistryHarness()
    let registry = harness.registry
    var first = on("2026-03-02")
    first.realTime = .fixed("2026-03-02T02:00:00.000Z")
    var second = on("2026-03-04")
    second.realTime = .fixed("2026-03-01T23:00:00.000Z")
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: first)
    _ = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: Taixingli.reviewClerk, clock: second)
    let verification = try await registry.verifyAudit()
    #expect(verification.problems.map(\.description) == [
      "event 2 was recorded at 2026-03-01T23:00:00.000Z, before event 1 (2026-03-02T02:00:00.000Z): real time went backwards"
    ])
    #expect(verification.problems.map(\.area) == [.time])
  }

  @Test func aForgedReceiptFileIsNotAccepted() throws {
    let text = "<Receipt xmlns=\"urn:onewindow:receipt:v1\"><Number>RCPT-1</Number></Receipt>"
    #expect(throws: OneWindowError.self) {
      try RegistryHarness.oneWindow.receiptChainHead(bytes: Array(text.utf8), name: "forged.xml")
    }
  }
}
