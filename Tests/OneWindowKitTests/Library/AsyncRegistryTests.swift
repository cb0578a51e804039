import Foundation
import GRDB
import OneWindowKit
import OneWindowTestSupport
import Synchronization
import Testing

/// The registry as a server embeds it: async operations, cancellation before and after commit,
/// concurrent writers, and typed errors a caller can match on.
struct AsyncRegistryTests {
  let on = RegistryHarness.on

  /// A gate a task waits at until the test opens it.
  final class Gate: Sendable {
    private let open = Mutex(false)
    func pass() async {
      while !open.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(2)) }
    }
    func openIt() { open.withLock { $0 = true } }
  }

  @Test func aWriteCancelledBeforeItsTransactionWritesNothingAndIssuesNoReceipt() async throws {
    let harness = try RegistryHarness(onDisk: true)
    let registry = harness.registry
    let gate = Gate()
    let task = Task {
      await gate.pass()
      return try await registry.submitPreFiling(
        RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: RegistryHarness.on("2026-03-02"))
    }
    task.cancel()
    gate.openIt()
    await #expect(throws: OneWindowError.cancelled) { try await task.value }
    // Nothing was written: no receipt, no audit event, and the next receipt is number 1.
    #expect(try await registry.receipt("RCPT-20260302-000001") == nil)
    #expect(try await registry.verifyAudit().events == 0)
    let next = try await registry.submitPreFiling(
      RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    #expect(next.number == "RCPT-20260302-000001")
  }

  @Test func aWriteCancelledAfterItCommittedKeepsItsReceipt() async throws {
    let harness = try RegistryHarness(onDisk: true)
    let registry = harness.registry
    let observer = try harness.reopened()
    let task = Task {
      try await registry.submitPreFiling(
        RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: RegistryHarness.on("2026-03-02"))
    }
    // Cancel as soon as another connection sees the committed receipt.
    var committed: Receipt?
    for _ in 0..<5000 where committed == nil {
      committed = try await observer.receipt("RCPT-20260302-000001")
      if committed == nil { try await Task.sleep(for: .milliseconds(1)) }
    }
    task.cancel()
    let receipt = try await task.value
    #expect(receipt == committed)
    #expect(receipt.outcome == .accepted)
    #expect(try await registry.verifyAudit().isIntact)
  }

  @Test func twoConcurrentWritersForTheLastPlaceGetOneAcceptance() async throws {
    let harness = try RegistryHarness(onDisk: true)
    try await Taixingli.approved(in: harness.registry)
    let first = harness.registry
    let second = try harness.reopened()
    // U-101 holds one tenant: two registrations race for it through two connections.
    let dumplings = "SampleFilings/valid/registration/taixingli-u101-dumpling-house.xml"
    let other = try RegistryHarness.source(dumplings, replacing: [("TR-TXL-101-0001", "TR-TXL-101-0002")])
    async let a = first.register(RegistryHarness.source(dumplings), by: Taixingli.entryClerk, clock: on("2026-04-20"))
    async let b = second.register(other, by: Taixingli.entryClerk, clock: on("2026-04-20"))
    let outcomes = try await [a, b].map { ($0.outcome, $0.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue)) }
    #expect(outcomes.filter { $0.0 == .accepted }.count == 1)
    #expect(outcomes.filter { $0.0 == .rejected }.map(\.1) == [["TR-004"]])
  }

  // MARK: - Typed errors

  @Test func aWriteToARegistryOpenedReadOnlyIsAReadOnlyFailureAndItsReadsSucceed() async throws {
    let harness = try RegistryHarness(onDisk: true)
    try await Taixingli.approved(in: harness.registry)
    let path = try #require(harness.path)
    let readOnly = try Registry(oneWindow: RegistryHarness.oneWindow, path: path, readOnly: true)
    #expect(try await readOnly.preFilings(asOf: on("2026-03-05").today).count == 1)
    #expect(try await readOnly.verifyAudit().isIntact)
    do {
      _ = try await readOnly.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-06"))
      Issue.record("a write to a read-only registry succeeded")
    } catch {
      guard case .registry(let failure) = error else { Issue.record("\(error)"); return }
      #expect(failure.kind == .readOnly, "\(failure)")
      #expect(failure.location == path)
    }
  }

  @Test func aCorruptFileIsACorruptFailure() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-corrupt-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("registry.sqlite").path
    try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
    do {
      _ = try Registry(oneWindow: RegistryHarness.oneWindow, path: path)
      Issue.record("a file of garbage opened as a registry")
    } catch {
      guard case .registry(let failure) = error else { Issue.record("\(error)"); return }
      #expect(failure.kind == .corrupt)
      #expect(failure.location == path)
    }
  }

  @Test func aRegistryFromAnotherVersionIsNotMigrated() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-old-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("registry.sqlite").path
    try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE other(x)") }
    do {
      _ = try Registry(oneWindow: RegistryHarness.oneWindow, path: path, readOnly: true)
      Issue.record("opened")
    } catch {
      guard case .registry(let failure) = error else { Issue.record("\(error)"); return }
      #expect(failure.kind == .notMigrated)
    }
  }

  @Test func aWriteWhileAnotherProcessHoldsTheLockIsABusyFailure() async throws {
    let harness = try RegistryHarness(onDisk: true)
    let path = try #require(harness.path)
    let registry = try Registry(oneWindow: RegistryHarness.oneWindow, path: path, busyTimeout: 0.2)
    // Another connection (as another process would) holds the write lock.
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let holder = try DatabaseQueue(path: path, configuration: configuration)
    try await holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
    defer { try? holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
    do {
      _ = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
      Issue.record("a write went through a held lock")
    } catch {
      guard case .registry(let failure) = error else { Issue.record("\(error)"); return }
      #expect(failure.kind == .busy)
    }
  }
}
