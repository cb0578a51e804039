import Foundation
@testable import OneWindowStore
import OneWindowTestSupport
import Testing

/// The PostgreSQL store: the same migrations and tables as SQLite, the audit log and the state
/// ledger append-only in the database, its URL and options, and its errors.
struct PostgresStoreTests {
  private func freshStore(_ access: StoreAccess = .create) throws -> RegistryStore {
    try RegistryStore(location: StoreLocation(StoreBackend.freshPostgresRegistry()), access: access)
  }

  /// Each table's columns in order (PostgreSQL's `rowid` and the change table aside).
  private func layout(_ store: RegistryStore) throws -> [String: [String]] {
    try store.readNow { transaction in
      let db = transaction.db
      var layout: [String: [String]] = [:]
      switch db.dialect {
      case .sqlite:
        let tables = try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        for table in tables {
          layout[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
        }
      case .postgres:
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name <> 'state_change' AND column_name <> 'rowid'
            ORDER BY table_name, ordinal_position
            """)
        for row in rows { layout[row["table_name"] as String, default: []].append(row["column_name"]) }
      }
      return layout
    }
  }

  private func indexes(_ store: RegistryStore) throws -> Set<String> {
    try store.readNow { transaction in
      let db = transaction.db
      switch db.dialect {
      case .sqlite:
        return Set(try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'"))
      case .postgres:
        return Set(try String.fetchAll(
          db,
          sql: "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'"
        ))
      }
    }
  }

  @Test func theSameMigrationsMakeTheSameTablesColumnsAndIndexes() throws {
    let sqlite = try RegistryStore(location: .memory)
    let postgres = try freshStore()
    #expect(try postgres.appliedMigrations() == MigrationTests.names)
    #expect(try layout(postgres) == layout(sqlite))
    #expect(try indexes(postgres) == indexes(sqlite))
    #expect(try postgres.readNow { try $0.integrityCheck() } == "ok")
  }

  @Test func reopeningMigratesNothingTwiceAndCountersContinue() throws {
    let url = try StoreBackend.freshPostgresRegistry()
    do {
      let store = try RegistryStore(location: StoreLocation(url), access: .create)
      #expect(try store.writeNow { try $0.nextValue("RCPT-20260302") } == 1)
    }
    let reopened = try RegistryStore(location: StoreLocation(url))
    #expect(try reopened.appliedMigrations() == MigrationTests.names)
    #expect(try reopened.writeNow { try $0.nextValue("RCPT-20260302") } == 2)
    #expect(try reopened.writerSynchronousMode() == 2)
  }

  @Test func onlyCreateMakesARegistryOnPostgres() throws {
    let url = try StoreBackend.freshPostgresRegistry()
    for access in [StoreAccess.write, .read] {
      let error = #expect(throws: StoreError.self) { try RegistryStore(location: StoreLocation(url), access: access) }
      #expect(error?.kind == .missing)
      #expect(error?.description.contains("no registry at postgres://") == true)
    }
    let readOnly = try { () throws -> RegistryStore in
      _ = try RegistryStore(location: StoreLocation(url), access: .create)
      return try RegistryStore(location: StoreLocation(url), access: .read)
    }()
    let refused = #expect(throws: StoreError.self) { try readOnly.writeNow { try $0.nextValue("x") } }
    #expect(refused?.kind == .readOnly)
  }

  /// The audit log and the state ledger refuse UPDATE, DELETE and TRUNCATE in the database itself.
  @Test(arguments: ["audit_event", "state_record"]) func appendOnlyTablesRefuseChanges(_ table: String) throws {
    let store = try freshStore()
    _ = try store.writeNow { transaction in
      let head = try transaction.appendAudit(
        at: "2026-03-02T09:00:00+08:00", recordedAt: nil, actorRole: "CLERK", actorID: "0231", action: "test",
        subject: "-", detail: "")
      try transaction.insertStateRecords([StateRecord(table: "counter", key: "x", digest: "d")], sequence: head.sequence)
    }
    let message = table == "audit_event" ? "the audit log is append-only" : "the state ledger is append-only"
    for statement in ["UPDATE \(table) SET audit_sequence = audit_sequence", "DELETE FROM \(table)", "TRUNCATE \(table)"] {
      let sql = table == "audit_event" ? statement.replacingOccurrences(of: "audit_sequence", with: "sequence") : statement
      let error = #expect(throws: StoreError.self) { try store.writeNow { try $0.db.execute(sql: sql, arguments: []) } }
      #expect(error?.kind == .constraint, "\(sql)")
      #expect(error?.description.contains(message) == true, "\(sql): \(error?.description ?? "")")
    }
    #expect(try store.readNow { try Int.fetchOne($0.db, sql: "SELECT COUNT(*) FROM \(table)") } == 1)
  }

  @Test func theURLCarriesTheOptionsAndNeverShowsItsPassword() throws {
    let location = try PostgresLocation(
      url: "postgres://clerk:s3cret@db.example:6543/shinan?pool=4&connect_timeout=2.5&lock_timeout=5&statement_timeout=60&sslmode=require&schema=district")
    #expect(location.host == "db.example")
    #expect(location.port == 6543)
    #expect(location.user == "clerk")
    #expect(location.password == "s3cret")
    #expect(location.database == "shinan")
    #expect(location.poolSize == 4)
    #expect(location.connectTimeout == 2.5)
    #expect(location.lockTimeout == 5)
    #expect(location.statementTimeout == 60)
    #expect(location.tls == .require)
    #expect(location.schema == "district")
    #expect(location.redacted == "postgres://clerk@db.example:6543/shinan?schema=district")
    #expect(PostgresLocation.redact("postgres://clerk:s3cret@db.example/shinan") == "postgres://clerk:***@db.example/shinan")
    let defaults = try PostgresLocation(url: "postgresql://onewindow@localhost/onewindow")
    #expect(defaults.port == 5432)
    #expect(defaults.poolSize == 8)
    #expect(defaults.tls == .disable)
    #expect(defaults.schema == nil)
  }

  @Test(arguments: [
    ("postgres://u@h/d?pool=0", "pool=0: give a number of connections from 1 to 256"),
    ("postgres://u@h/d?sslmode=verify", "sslmode=verify: give disable, prefer or require"),
    ("postgres://u@h/d?schema=Bad-Name", "schema=Bad-Name: give a lower-case name of letters, digits and _"),
    ("postgres://u@h/d?lock_timeout=-1", "lock_timeout=-1: give a number of seconds between 0 and 86400"),
    ("postgres://u@h/d?poolsize=3", "unknown option poolsize in the PostgreSQL URL"),
    ("postgres:///d", "is not a PostgreSQL URL"),
  ]) func aBadURLIsRefusedWithItsReason(_ url: String, _ reason: String) {
    let error = #expect(throws: StoreError.self) { try PostgresLocation(url: url) }
    #expect(error?.kind == .cannotOpen)
    #expect(error?.description.contains(reason) == true, "\(error?.description ?? "")")
  }

  /// `audit verify`'s database check is amcheck's: installed by the store when its user may
  /// (the test cluster's superuser), run on every B-tree index of the registry's schema.
  @Test func theConsistencyCheckIsAmcheckOverEveryIndex() throws {
    let store = try freshStore()
    let installed = try store.readNow { transaction in
      try String.fetchAll(transaction.db, sql: "SELECT extname FROM pg_extension WHERE extname = 'amcheck'")
    }
    #expect(installed == ["amcheck"])
    #expect(try store.readNow { try $0.integrityCheck() } == "ok")
    let checked = try store.readNow { transaction in
      let home = try String.fetchOne(
        transaction.db,
        sql: "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'")
      return try Int.fetchOne(
        transaction.db,
        sql: """
          SELECT COUNT(*) FROM (SELECT \(home ?? "public").bt_index_check(c.oid::regclass, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()) AS checks
          """)
    }
    #expect((checked ?? 0) >= 20)
  }

  /// `sslmode=require` against a server without TLS: refused with the reason, nothing opened.
  @Test func requiringTLSFromAServerWithoutItIsAClearError() throws {
    let url = try StoreBackend.freshPostgresRegistry() + "&sslmode=require"
    let error = #expect(throws: StoreError.self) { try RegistryStore(location: StoreLocation(url), access: .create) }
    #expect(error?.kind == .unavailable)
    #expect(error?.description.contains("sslUnsupported") == true, "\(error?.description ?? "")")
  }

  /// No server on the port: a clear error naming the server, not a hang or a crash.
  @Test func anUnreachableServerIsAClearError() throws {
    let error = #expect(throws: StoreError.self) {
      try RegistryStore(location: StoreLocation("postgres://postgres@127.0.0.1:9/onewindow?connect_timeout=2"), access: .create)
    }
    #expect(error?.kind == .unavailable)
    #expect(error?.description.contains("cannot connect to postgres://postgres@127.0.0.1:9/onewindow") == true, "\(error?.description ?? "")")
  }
}
