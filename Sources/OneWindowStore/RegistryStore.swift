import Foundation
internal import GRDB
import Synchronization
#if canImport(Glibc)
  import Glibc
#endif

/// Where the registry lives.
package enum StoreLocation: Sendable, Hashable {
  /// A SQLite file (WAL, synchronous=FULL: a committed write survives a crash).
  case file(String)
  /// A fresh in-memory database (replays and tests).
  case memory
  /// A PostgreSQL database shared by any number of instances.
  case postgres(PostgresLocation)

  /// A `postgres://` URL, else a SQLite file path.
  package init(_ text: String) throws(StoreError) {
    self = PostgresLocation.isPostgres(text) ? .postgres(try PostgresLocation(url: text)) : .file(text)
  }

  /// Where it is, for messages (a PostgreSQL URL without its password).
  package var description: String {
    switch self {
    case .file(let path): path
    case .memory: ":memory:"
    case .postgres(let location): location.redacted
    }
  }
}

/// How a registry is opened.
package enum StoreAccess: Sendable, Hashable {
  /// Reads only. Nothing is ever written: when this process may write the file and its folder,
  /// the connection is read-write but `query_only` (so closing it removes WAL files as usual);
  /// otherwise it is opened read-only, immutable when there is no write-ahead log, so an auditor
  /// without write rights leaves no `-wal`/`-shm` files behind.
  case read
  /// Reads and writes an existing registry (migrating it when it is from an older version).
  case write
  /// Makes the registry (and its folders) when it is missing or a zero-length file, then as `write`.
  case create
}

/// The registry database: an embedded SQLite file (GRDB serialises its writes) or PostgreSQL
/// (writes serialised by an advisory lock across instances). Every write is one transaction;
/// the tables, migrations and behaviour are the same on both.
package struct RegistryStore: Sendable {
  private enum Backend: Sendable {
    case sqlite(any DatabaseWriter)
    case postgres(PostgresRegistry)
  }

  private let backend: Backend
  package let location: StoreLocation
  package let access: StoreAccess

  /// Opens the registry. Only `.create` makes one: a missing or zero-length file is
  /// ``StoreError/Kind/missing`` otherwise, naming the place it looked.
  ///   `busyTimeout` is how long a write waits for another connection's lock before it fails
  ///   as ``StoreError/Kind/busy``.
  package init(location: StoreLocation, access: StoreAccess = .write, busyTimeout: Double = 30) throws(StoreError) {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    self.location = location
    self.access = access
    if case .postgres(let postgres) = location {
      let registry = try PostgresRegistry(location: postgres, busyTimeout: busyTimeout)
      try registry.open(access: access)
      backend = .postgres(registry)
      return
    }
    let writer: any DatabaseWriter
    do {
      switch location {
      case .postgres: preconditionFailure("opened above")
      case .memory:
        writer = try DatabaseQueue(configuration: configuration)
      case .file(let path):
        let manager = FileManager.default
        let size = (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == nil || size == 0 {
          guard access == .create else {
            throw StoreError(
              .missing,
              size == 0
                ? "the registry at \(path) is an empty file, not a registry; make one with `onewindow registry init --db \(path)`"
                : "no registry at \(path); make one with `onewindow registry init --db \(path)`")
          }
          if size == 0 { try manager.removeItem(atPath: path) }
          let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
          try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        if access == .read {
          writer = try Self.openForReading(path, configuration: configuration)
          let migrated = try writer.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
          guard migrated else {
            throw StoreError(
              .notMigrated,
              "the registry at \(path) is from another version; run `onewindow registry init --db \(path)` to migrate it")
          }
          backend = .sqlite(writer)
          return
        }
        configuration.prepareDatabase { db in
          try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets synchronous=NORMAL on the pool's writer when it sets up WAL, after
        // prepareDatabase ran: put FULL back, or a commit is not on disk when it returns (found by
        // Benchmarks/, whose durable-commit peer was slower per commit than the registry).
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        writer = pool
      }
      try Migrations.migrator.migrate(writer)
      try writer.writeWithoutTransaction { db in try db.execute(sql: StateLedger.sqliteInstall) }
      backend = .sqlite(writer)
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.classify(error, doing: "cannot open the registry")
    }
  }

  /// The error of a write on a registry opened for reading.
  private var readOnlyError: StoreError {
    StoreError(.readOnly, "the registry at \(location.description) is open for reading only")
  }

  /// A connection that never writes: see ``StoreAccess/read``.
  private static func openForReading(_ path: String, configuration: Configuration) throws -> DatabaseQueue {
    var configuration = configuration
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if Glibc.access(path, W_OK) == 0 && Glibc.access(folder, W_OK) == 0 {
      // Writes are refused above this connection (``write(_:)``); GRDB runs every read with
      // `query_only`. Read-write, so closing it checkpoints and removes the WAL files as usual.
      return try DatabaseQueue(path: path, configuration: configuration)
    }
    configuration.readonly = true
    if FileManager.default.fileExists(atPath: path + "-wal") {
      // A writer is at work (or crashed): read through its log, without creating anything.
      return try DatabaseQueue(path: path, configuration: configuration)
    }
    // No log to read: the file is the whole registry. SQLite's URI filenames are enabled in
    // Debian's build; `immutable` takes no locks and creates no files.
    let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    return try DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration)
  }

  /// The names of the migrations applied, in order.
  package func appliedMigrations() throws(StoreError) -> [String] {
    do {
      switch backend {
      case .sqlite(let writer): return try writer.read { db in try Migrations.migrator.appliedIdentifiers(db).sorted() }
      case .postgres(let registry):
        return try registry.transaction(readOnly: true) { transaction in try PostgresMigrations.applied(transaction) }
      }
    } catch {
      throw (classify(error, doing: "cannot read the migrations") as? StoreError)
        ?? StoreError(.other, "cannot read the migrations: \(error)")
    }
  }

  /// Runs `body` in one write transaction, on GRDB's writer queue or a dispatch thread (never on
  /// the caller's thread); any thrown error rolls everything back. A task cancelled before the
  /// transaction commits writes nothing (``StoreError/Kind/cancelled``); once committed, the
  /// result stands.
  package func write<T: Sendable>(_ body: @escaping @Sendable (RegistryTransaction) throws -> T) async throws -> T {
    if access == .read { throw readOnlyError }
    do {
      switch backend {
      case .sqlite(let writer):
        return try await writer.write { db in try body(RegistryTransaction(db: SQLiteSession(db: db))) }
      case .postgres(let registry):
        return try await Self.offThread(registry: registry, readOnly: false, body)
      }
    } catch is CancellationError {
      throw StoreError(.cancelled, "cancelled before the write was committed; nothing was written")
    } catch {
      throw classify(error, doing: "the registry refused a write")
    }
  }

  /// Runs `body` in one write transaction, blocking the calling thread (tools and benchmarks).
  package func writeNow<T>(_ body: (RegistryTransaction) throws -> T) throws -> T {
    if access == .read { throw readOnlyError }
    do {
      switch backend {
      case .sqlite(let writer): return try writer.write { db in try body(RegistryTransaction(db: SQLiteSession(db: db))) }
      case .postgres(let registry): return try registry.transaction(readOnly: false, body)
      }
    } catch {
      throw classify(error, doing: "the registry refused a write")
    }
  }

  /// Runs `body` with a read-only view (one snapshot), on GRDB's reader queues or a dispatch thread.
  package func read<T: Sendable>(_ body: @escaping @Sendable (RegistryTransaction) throws -> T) async throws -> T {
    do {
      switch backend {
      case .sqlite(let writer):
        return try await writer.read { db in try body(RegistryTransaction(db: SQLiteSession(db: db))) }
      case .postgres(let registry):
        return try await Self.offThread(registry: registry, readOnly: true, body)
      }
    } catch is CancellationError {
      throw StoreError(.cancelled, "cancelled")
    } catch {
      throw classify(error, doing: "the registry could not be read")
    }
  }

  /// Runs `body` with a read-only view, blocking the calling thread.
  package func readNow<T>(_ body: (RegistryTransaction) throws -> T) throws -> T {
    do {
      switch backend {
      case .sqlite(let writer): return try writer.read { db in try body(RegistryTransaction(db: SQLiteSession(db: db))) }
      case .postgres(let registry): return try registry.transaction(readOnly: true, body)
      }
    } catch {
      throw classify(error, doing: "the registry could not be read")
    }
  }

  /// A PostgreSQL transaction on a dispatch thread (its statements wait for their answers), the
  /// task's cancellation asked before `COMMIT`.
  private static func offThread<T: Sendable>(
    registry: PostgresRegistry, readOnly: Bool, _ body: @escaping @Sendable (RegistryTransaction) throws -> T
  ) async throws -> T {
    try Task.checkCancellation()
    let cancelled = CancellationFlag()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
          continuation.resume(with: Result {
            try registry.transaction(readOnly: readOnly, cancelled: { cancelled.isSet }, body)
          })
        }
      }
    } onCancel: {
      cancelled.set()
    }
  }

  /// Drops the registry's schema when it is a PostgreSQL scratch schema (`onewindow_scratch_…`).
  package func dropScratchSchema() throws {
    guard case .postgres(let registry) = backend, let schema = registry.location.schema,
      schema.hasPrefix("onewindow_scratch_")
    else { return }
    try registry.withSession { session in try session.execute(sql: "DROP SCHEMA \"\(schema)\" CASCADE", arguments: []) }
  }

  /// Which store this is: `sqlite` or `postgres`.
  package var backendName: String {
    switch backend {
    case .sqlite: "sqlite"
    case .postgres: "postgres"
    }
  }

  /// `PRAGMA synchronous` of the connection that writes (2 is FULL); PostgreSQL's commits are
  /// durable when `synchronous_commit` is on (reported as 2 too).
  package func writerSynchronousMode() throws -> Int {
    switch backend {
    case .sqlite(let writer):
      return try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    case .postgres(let registry):
      let setting = try registry.transaction(readOnly: true) { transaction in
        try String.fetchOne(transaction.db, sql: "SHOW synchronous_commit")
      }
      return setting == "off" ? 0 : 2
    }
  }

  /// The database's own consistency check: SQLite's `PRAGMA integrity_check`, PostgreSQL's
  /// `amcheck` over every B-tree index of the registry: "ok", or what it found.
  package func integrityCheck() async throws -> String {
    try await read { transaction in try transaction.integrityCheck() }
  }

  /// A database's error as a store error; any other error (thrown by the transaction's body)
  /// unchanged.
  private func classify(_ error: any Error, doing what: String) -> any Error {
    switch backend {
    case .sqlite: error is DatabaseError ? Self.classify(error, doing: what) : error
    case .postgres: PostgresRegistry.isDatabaseError(error) ? PostgresRegistry.classify(error, doing: what) : error
    }
  }

  /// A store error for a GRDB or SQLite error, by SQLite's primary result code.
  static func classify(_ error: any Error, doing what: String) -> StoreError {
    if let error = error as? StoreError { return error }
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

/// Set once when a task is cancelled; read by the transaction before it commits.
private final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)
  var isSet: Bool { flag.load(ordering: .acquiring) }
  func set() { flag.store(true, ordering: .releasing) }
}
