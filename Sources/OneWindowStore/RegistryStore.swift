import Foundation
internal import GRDB

/// Where the registry lives.
package enum StoreLocation: Sendable, Hashable {
  /// A SQLite file (WAL, synchronous=FULL: a committed write survives a crash).
  case file(String)
  /// A fresh in-memory database (replays and tests).
  case memory
}

/// The registry database. `Sendable`: GRDB serialises writes; every write is one transaction.
package struct RegistryStore: Sendable {
  private let writer: any DatabaseWriter
  package let location: StoreLocation

  /// Opens (creating if needed) and migrates the registry; `readOnly` opens an existing,
  /// fully migrated file without writing anything (for `validate --db`).
  package init(location: StoreLocation, readOnly: Bool = false) throws(StoreError) {
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.busyMode = .timeout(30)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    do {
      switch location {
      case .memory:
        writer = try DatabaseQueue(configuration: configuration)
      case .file(let path) where readOnly:
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError("no registry at \(path)") }
        writer = try DatabaseQueue(path: path, configuration: configuration)
        let migrated = try writer.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
        guard migrated else {
          throw StoreError("the registry at \(path) is from another version; open it once with a write command to migrate it")
        }
        self.location = location
        return
      case .file(let path):
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets synchronous=NORMAL on the pool's writer when it sets up WAL, after
        // prepareDatabase ran: put FULL back, or a commit is not on disk when it returns (found by
        // Benchmarks/, whose durable-commit peer was slower per commit than the registry).
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        writer = pool
      }
      try Migrations.migrator.migrate(writer)
    } catch {
      throw StoreError("cannot open the registry: \(Self.describe(error))")
    }
    self.location = location
  }

  /// The names of the migrations applied, in order.
  package func appliedMigrations() throws(StoreError) -> [String] {
    do {
      return try writer.read { db in try Migrations.migrator.appliedIdentifiers(db).sorted() }
    } catch {
      throw StoreError(Self.describe(error))
    }
  }

  /// Runs `body` in one write transaction; any thrown error rolls everything back.
  package func write<T>(_ body: (RegistryTransaction) throws -> T) throws -> T {
    do {
      return try writer.write { db in try body(RegistryTransaction(db: db)) }
    } catch let error as DatabaseError {
      throw StoreError("the registry refused a write: \(Self.describe(error))")
    }
  }

  /// Runs `body` with a read-only view.
  package func read<T>(_ body: (RegistryTransaction) throws -> T) throws -> T {
    do {
      return try writer.read { db in try body(RegistryTransaction(db: db)) }
    } catch let error as DatabaseError {
      throw StoreError("the registry could not be read: \(Self.describe(error))")
    }
  }

  /// `PRAGMA synchronous` of the connection that writes (2 is FULL).
  package func writerSynchronousMode() throws -> Int {
    try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
  }

  /// `PRAGMA integrity_check`: "ok", or what SQLite found.
  package func integrityCheck() throws -> String {
    try read { transaction in try transaction.integrityCheck() }
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      // Without statement arguments: they may hold personal data.
      return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
    }
    return String(describing: error)
  }
}
