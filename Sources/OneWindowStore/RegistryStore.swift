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
  ///   `busyTimeout` is how long a write waits for another connection's lock before it fails
  ///   as ``StoreError/Kind/busy``.
  package init(location: StoreLocation, readOnly: Bool = false, busyTimeout: Double = 30) throws(StoreError) {
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    do {
      switch location {
      case .memory:
        writer = try DatabaseQueue(configuration: configuration)
      case .file(let path) where readOnly:
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError(.missing, "no registry at \(path)") }
        writer = try DatabaseQueue(path: path, configuration: configuration)
        let migrated = try writer.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
        guard migrated else {
          throw StoreError(
            .notMigrated, "the registry at \(path) is from another version; open it once with a write command to migrate it")
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
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.classify(error, doing: "cannot open the registry")
    }
    self.location = location
  }

  /// The names of the migrations applied, in order.
  package func appliedMigrations() throws(StoreError) -> [String] {
    do {
      return try writer.read { db in try Migrations.migrator.appliedIdentifiers(db).sorted() }
    } catch {
      throw Self.classify(error, doing: "cannot read the migrations")
    }
  }

  /// Runs `body` in one write transaction, on GRDB's writer queue (never on the caller's
  /// thread); any thrown error rolls everything back. A task cancelled before the transaction
  /// commits writes nothing (``StoreError/Kind/cancelled``); once committed, the result stands.
  package func write<T: Sendable>(_ body: @escaping @Sendable (RegistryTransaction) throws -> T) async throws -> T {
    do {
      return try await writer.write { db in try body(RegistryTransaction(db: db)) }
    } catch let error as DatabaseError {
      throw Self.classify(error, doing: "the registry refused a write")
    } catch is CancellationError {
      throw StoreError(.cancelled, "cancelled before the write was committed; nothing was written")
    }
  }

  /// Runs `body` in one write transaction, blocking the calling thread (tools and benchmarks).
  package func writeNow<T>(_ body: (RegistryTransaction) throws -> T) throws -> T {
    do {
      return try writer.write { db in try body(RegistryTransaction(db: db)) }
    } catch let error as DatabaseError {
      throw Self.classify(error, doing: "the registry refused a write")
    }
  }

  /// Runs `body` with a read-only view, on GRDB's reader queues.
  package func read<T: Sendable>(_ body: @escaping @Sendable (RegistryTransaction) throws -> T) async throws -> T {
    do {
      return try await writer.read { db in try body(RegistryTransaction(db: db)) }
    } catch let error as DatabaseError {
      throw Self.classify(error, doing: "the registry could not be read")
    } catch is CancellationError {
      throw StoreError(.cancelled, "cancelled")
    }
  }

  /// Runs `body` with a read-only view, blocking the calling thread.
  package func readNow<T>(_ body: (RegistryTransaction) throws -> T) throws -> T {
    do {
      return try writer.read { db in try body(RegistryTransaction(db: db)) }
    } catch let error as DatabaseError {
      throw Self.classify(error, doing: "the registry could not be read")
    }
  }

  /// `PRAGMA synchronous` of the connection that writes (2 is FULL).
  package func writerSynchronousMode() throws -> Int {
    try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
  }

  /// `PRAGMA integrity_check`: "ok", or what SQLite found.
  package func integrityCheck() async throws -> String {
    try await read { transaction in try transaction.integrityCheck() }
  }

  /// A store error for a GRDB or SQLite error, by SQLite's primary result code.
  static func classify(_ error: any Error, doing what: String) -> StoreError {
    guard let error = error as? DatabaseError else { return StoreError(.other, "\(what): \(error)") }
    let kind: StoreError.Kind
    switch error.resultCode.primaryResultCode {
    case .SQLITE_BUSY: kind = .busy
    case .SQLITE_LOCKED: kind = .locked
    case .SQLITE_READONLY: kind = .readOnly
    case .SQLITE_CORRUPT, .SQLITE_NOTADB: kind = .corrupt
    case .SQLITE_CONSTRAINT: kind = .constraint
    case .SQLITE_CANTOPEN: kind = .cannotOpen
    default: kind = .other
    }
    return StoreError(kind, "\(what): \(describe(error))")
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      // Without statement arguments: they may hold personal data.
      return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
    }
    return String(describing: error)
  }
}
