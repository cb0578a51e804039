import Foundation
import GRDB
import OneWindowStore
import Testing

/// Named, forward-only migrations; reopening never re-runs one; read-only opening never writes.
struct MigrationTests {
  static let names = [
    "v1: packets, receipts, audit log, counters",
    "v2: pre-filings, units, proofs, tenancies",
    "v3: bundles, tracks, licences",
    "v4: issued numbers, bundle versions, inspections, licence details",
    "v5: what issuance needs, recorded at acceptance",
    "v6: recorded times, the state ledger, duplicate lookups, provisional dates",
    "v7: accounts and API tokens",
    "v8: simplified cancellations pushed to other departments",
    "v9: bundles of any definition and the permits they issue",
  ]

  private func temporaryPath() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("nested/registry.sqlite").path
  }

  @Test func aFreshRegistryHasEveryMigration() throws {
    let store = try RegistryStore(location: .memory)
    #expect(try store.appliedMigrations() == Self.names)
    #expect(try store.readNow { try $0.integrityCheck() } == "ok")
  }

  @Test func reopeningAFileKeepsItsDataAndMigratesNothingTwice() throws {
    let path = try temporaryPath()
    do {
      let store = try RegistryStore(location: .file(path), access: .create)
      _ = try store.writeNow { try $0.nextValue("RCPT-20260302") }
    }
    let reopened = try RegistryStore(location: .file(path))
    #expect(try reopened.appliedMigrations() == Self.names)
    #expect(try reopened.writeNow { try $0.nextValue("RCPT-20260302") } == 2)
    let journal = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(journal == "wal")
  }

  @Test func fileRegistriesCommitWithSynchronousFull() throws {
    let path = try temporaryPath()
    let store = try RegistryStore(location: .file(path), access: .create)
    #expect(try store.writerSynchronousMode() == 2)
    _ = try store.writeNow { try $0.nextValue("RCPT-20260302") }
    #expect(try store.writerSynchronousMode() == 2)
  }

  @Test func readOnlyOpeningNeedsAnExistingFileAndNeverWrites() throws {
    let path = try temporaryPath()
    #expect(throws: StoreError.self) { try RegistryStore(location: .file(path), access: .read) }
    #expect(FileManager.default.fileExists(atPath: path) == false)
    _ = try RegistryStore(location: .file(path), access: .create)
    let readOnly = try RegistryStore(location: .file(path), access: .read)
    #expect(throws: (any Error).self) { try readOnly.writeNow { try $0.nextValue("x") } }
  }

  /// Issue 12, fault 7: a mistyped path (folders and all) never becomes a registry; only
  /// `.create` makes one, and a zero-length file is not silently re-initialised.
  @Test func onlyCreateMakesARegistry() throws {
    let path = try temporaryPath()
    for access in [StoreAccess.write, .read] {
      let error = #expect(throws: StoreError.self) { try RegistryStore(location: .file(path), access: access) }
      #expect(error?.kind == .missing)
      #expect(error?.description.contains(path) == true)
    }
    #expect(FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent) == false)
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let empty = #expect(throws: StoreError.self) { try RegistryStore(location: .file(path)) }
    #expect(empty?.kind == .missing)
    #expect(empty?.description.contains("empty file") == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    let made = try RegistryStore(location: .file(path), access: .create)
    #expect(try made.appliedMigrations() == Self.names)
  }

  @Test func aFileFromAnUnknownSchemaIsRefusedReadOnly() throws {
    let path = try temporaryPath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE something(x)") }
    let error = #expect(throws: StoreError.self) { try RegistryStore(location: .file(path), access: .read) }
    #expect(error?.description.contains("from another version") == true)
  }
}
