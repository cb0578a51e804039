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
      let store = try RegistryStore(location: .file(path))
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
    let store = try RegistryStore(location: .file(path))
    #expect(try store.writerSynchronousMode() == 2)
    _ = try store.writeNow { try $0.nextValue("RCPT-20260302") }
    #expect(try store.writerSynchronousMode() == 2)
  }

  @Test func readOnlyOpeningNeedsAnExistingFileAndNeverWrites() throws {
    let path = try temporaryPath()
    #expect(throws: StoreError.self) { try RegistryStore(location: .file(path), readOnly: true) }
    #expect(FileManager.default.fileExists(atPath: path) == false)
    _ = try RegistryStore(location: .file(path))
    let readOnly = try RegistryStore(location: .file(path), readOnly: true)
    #expect(throws: (any Error).self) { try readOnly.writeNow { try $0.nextValue("x") } }
  }

  @Test func aFileFromAnUnknownSchemaIsRefusedReadOnly() throws {
    let path = try temporaryPath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE something(x)") }
    let error = #expect(throws: StoreError.self) { try RegistryStore(location: .file(path), readOnly: true) }
    #expect(error?.description.contains("from another version") == true)
  }
}
