import Foundation
internal import Logging
internal import NIOCore
internal import NIOPosix
internal import NIOSSL
internal import PostgresNIO
import Synchronization

/// The registry's connections to PostgreSQL and its transactions.
///
/// Every write transaction first takes the registry's advisory lock (`pg_advisory_xact_lock`,
/// released at commit or rollback): writes are serialised across every instance on the
/// database as SQLite serialises them on one file, so the capacity check and the tenancy insert,
/// each number allocation and each audit append see every write committed before them. Reads run
/// in `REPEATABLE READ READ ONLY` transactions (one snapshot, like SQLite's) and never wait.
final class PostgresRegistry: Sendable {
  let location: PostgresLocation
  private let configuration: PostgresConnection.Configuration
  private let logger: Logger
  /// How long a write waits for the lock, a request for a free connection (seconds).
  private let lockTimeout: Double
  private let idle = Mutex<[PostgresConnection]>([])
  private let permits: DispatchSemaphore
  private let nextID = Atomic<Int>(1)

  init(location: PostgresLocation, busyTimeout: Double) throws(StoreError) {
    self.location = location
    lockTimeout = location.lockTimeout ?? busyTimeout
    permits = DispatchSemaphore(value: location.poolSize)
    var logger = Logger(label: "onewindow.postgres")
    logger.logLevel = .critical
    self.logger = logger
    let tls: PostgresConnection.Configuration.TLS
    do {
      switch location.tls {
      case .disable: tls = .disable
      case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
      case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
      }
    } catch {
      throw StoreError(.cannotOpen, "cannot set up TLS for \(location.redacted): \(error)")
    }
    var configuration = PostgresConnection.Configuration(
      host: location.host, port: location.port, username: location.user, password: location.password,
      database: location.database, tls: tls)
    configuration.options.connectTimeout = .milliseconds(Int64(location.connectTimeout * 1000))
    self.configuration = configuration
  }

  deinit {
    for connection in idle.withLock({ $0 }) { Self.close(connection) }
  }

  /// Closes a connection and waits for it (postgres-nio requires a connection closed before it
  /// is released), unless called on an event loop, where waiting is not allowed.
  private static func close(_ connection: PostgresConnection) {
    let future: EventLoopFuture<Void> = connection.close()
    if MultiThreadedEventLoopGroup.currentEventLoop == nil { try? future.wait() }
  }

  /// A fresh connection, its schema and timeouts set.
  private func connect() throws -> PostgresConnection {
    let id = nextID.add(1, ordering: .relaxed).oldValue
    let connection = try PostgresConnection.connect(
      on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: id, logger: logger
    ).wait()
    let session = PostgresSession(connection: connection, logger: logger)
    // A client that vanished mid-transaction (a host crash, a partition) must not hold the
    // registry's lock until TCP notices: the server ends such a session after a minute.
    var settings = [
      "SET TIME ZONE 'UTC'", "SET idle_in_transaction_session_timeout = 60000",
      "SET lock_timeout = \(Int(lockTimeout * 1000))",
    ]
    if let schema = location.schema {
      // The schema itself is made by `open(access: .create)`, under the registry's lock.
      settings.append("SET search_path TO \"\(schema)\"")
    }
    if let statementTimeout = location.statementTimeout {
      settings.append("SET statement_timeout = \(Int(statementTimeout * 1000))")
    }
    do {
      try session.execute(sql: settings.joined(separator: "; ") + ";")
    } catch {
      Self.close(connection)
      throw error
    }
    return connection
  }

  /// Runs `body` on a pooled connection (at most `pool` at once; a request waits up to the lock
  /// timeout for one). A connection that failed is closed, never reused.
  func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
    guard permits.wait(timeout: .now() + lockTimeout) == .success else {
      throw StoreError(
        .busy, "all \(location.poolSize) connections to \(location.redacted) stayed busy for \(Int(lockTimeout)) s")
    }
    defer { permits.signal() }
    var connection = idle.withLock { $0.popLast() }
    if let open = connection, open.isClosed { connection = nil }
    let live: PostgresConnection
    do {
      live = try connection ?? connect()
    } catch {
      throw PostgresRegistry.classify(error, doing: "cannot connect to \(location.redacted)")
    }
    do {
      let result = try body(PostgresSession(connection: live, logger: logger))
      idle.withLock { $0.append(live) }
      return result
    } catch {
      if live.isClosed || Self.isConnectionFailure(error) {
        Self.close(live)
      } else {
        idle.withLock { $0.append(live) }
      }
      throw error
    }
  }

  /// Runs `body` in one transaction; a serialization failure or deadlock is retried (up to five
  /// tries), anything else rolls back and is thrown. `cancelled` is asked just before `COMMIT`.
  func transaction<T>(
    readOnly: Bool, cancelled: () -> Bool = { false }, _ body: (RegistryTransaction) throws -> T
  ) throws -> T {
    try withSession { session in
      var attempt = 1
      while true {
        do {
          if readOnly {
            try session.execute(sql: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", arguments: [])
          } else {
            // Read committed whatever the server's default: each statement after the lock sees
            // every write committed before it (a snapshot taken before the lock would not).
            try session.execute(sql: "BEGIN ISOLATION LEVEL READ COMMITTED", arguments: [])
            // The lock, then the clock read under it, in one round trip (lock_timeout is the
            // connection's).
            let locked = try session.rows(
              "SELECT pg_advisory_xact_lock(hashtext(?)) AS locked, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS now",
              [.text(lockName)], limit: nil)
            session.clockAtLock = locked.first?["now"]
          }
          let result = try body(RegistryTransaction(db: session))
          if cancelled() {
            try session.execute(sql: "ROLLBACK", arguments: [])
            throw StoreError(.cancelled, "cancelled before the write was committed; nothing was written")
          }
          try commit(session)
          return result
        } catch {
          if !session.connection.isClosed {
            // A connection that cannot roll back is never handed to the next request.
            do { try session.execute(sql: "ROLLBACK", arguments: []) } catch { Self.close(session.connection) }
          }
          if attempt < 5, let state = Self.sqlState(error), state == "40001" || state == "40P01" {
            attempt += 1
            continue
          }
          throw error
        }
      }
    }
  }

  /// `COMMIT`, checked: the server answers `ROLLBACK` to the commit of a failed transaction, and
  /// a connection lost during the commit leaves its outcome unknown (said so, not "nothing written").
  private func commit(_ session: PostgresSession) throws {
    let tag: String
    do {
      tag = try session.command("COMMIT")
    } catch where Self.isConnectionFailure(error) {
      throw StoreError(
        .unavailable,
        "the connection to PostgreSQL was lost while committing: the write may or may not have been recorded; look for its receipt before submitting again")
    }
    guard tag == "COMMIT" else {
      throw StoreError(.other, "PostgreSQL rolled the transaction back at commit (\(tag)); nothing was written")
    }
  }

  /// The advisory lock's name: one registry per schema.
  private var lockName: String { "onewindow:" + (location.schema ?? "public") }

  /// Opens the registry: connects, migrates when `migrate`, else checks it was migrated.
  func open(access: StoreAccess) throws(StoreError) {
    do {
      if access == .read {
        let applied = try transaction(readOnly: true) { transaction in try PostgresMigrations.applied(transaction) }
        guard Set(applied).isSuperset(of: Migrations.steps.map(\.name)) else {
          throw StoreError(
            applied.isEmpty ? .missing : .notMigrated,
            applied.isEmpty
              ? "no registry at \(location.redacted); make one with `onewindow registry init --db \(location.redacted)`"
              : "the registry at \(location.redacted) is from another version; run `onewindow registry init` to migrate it")
        }
        return
      }
      if access == .write {
        let applied = try transaction(readOnly: true) { transaction in try PostgresMigrations.applied(transaction) }
        if applied.isEmpty {
          throw StoreError(
            .missing, "no registry at \(location.redacted); make one with `onewindow registry init --db \(location.redacted)`")
        }
      }
      if access == .create, let schema = location.schema {
        try transaction(readOnly: false) { transaction in
          try transaction.db.execute(sql: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\"", arguments: [])
        }
      }
      try PostgresMigrations.migrate(self)
      if access == .create {
        // `audit verify`'s index check, where this user may install it (else the catalogue's).
        try? transaction(readOnly: false) { transaction in
          try transaction.db.execute(sql: "CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public", arguments: [])
        }
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.classify(error, doing: "cannot open the registry at \(location.redacted)")
    }
  }

  // MARK: - Errors

  /// Whether an error came from PostgreSQL or the connection (not from a transaction's body).
  static func isDatabaseError(_ error: any Error) -> Bool { error is PSQLError }

  /// The SQLSTATE of a server error, if the error is one.
  static func sqlState(_ error: any Error) -> String? {
    (error as? PSQLError)?.serverInfo?[.sqlState]
  }

  static func isConnectionFailure(_ error: any Error) -> Bool {
    guard let error = error as? PSQLError else { return false }
    if let state = error.serverInfo?[.sqlState], sessionEndedStates.contains(state) { return true }
    return [.serverClosedConnection, .connectionError, .clientClosedConnection, .uncleanShutdown, .sslUnsupported].contains(error.code)
  }

  /// SQLSTATEs with which the server ends the session (a FATAL error, then it closes the
  /// connection): `pg_terminate_backend` or a fast shutdown (57P01), another backend's crash
  /// (57P02). The transaction was rolled back; the connection is gone.
  static let sessionEndedStates: Set<String> = ["57P01", "57P02"]

  /// A store error for a postgres-nio error, by SQLSTATE (without statement arguments).
  static func classify(_ error: any Error, doing what: String) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let error = error as? PSQLError else { return StoreError(.other, "\(what): \(error)") }
    if isConnectionFailure(error) {
      let cause = error.serverInfo.map { "\($0[.sqlState] ?? ""): \($0[.message] ?? "")" } ?? "\(error.code)"
      return StoreError(.unavailable, "\(what): the connection to PostgreSQL was lost or refused (\(cause)); nothing of this request was written")
    }
    let state = error.serverInfo?[.sqlState] ?? ""
    let message = error.serverInfo?[.message] ?? "\(error.code)"
    let kind: StoreError.Kind =
      switch state {
      case "55P03", "57014", "40001", "40P01": .busy
      case "25006": .readOnly
      case "XX001", "XX002": .corrupt
      case "3D000", "28000", "28P01", "08001", "08006", "57P03": .cannotOpen
      case let state where state.hasPrefix("23"): .constraint
      default: .other
      }
    return StoreError(kind, "\(what): PostgreSQL error \(state): \(message)")
  }
}
