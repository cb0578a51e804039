import Crypto
import Foundation
import OneWindowCore

/// Ties the state tables to the audit log.
///
/// Temporary triggers on the writer's connection note the key of every row a write transaction
/// inserts, updates or deletes. Before the transaction's audit events are appended, each noted
/// row is digested (SHA-256 over its columns, or `deleted`) into `state_record`, keyed by the
/// audit event that made the change, and that event's detail carries `state=` the digest of its
/// records: the hash chain covers the records, and the records cover the rows. `audit verify`
/// recomputes every row's digest and compares it with the newest record for its key, so a row
/// changed, added or deleted outside OneWindow is found.
package enum StateLedger {
  /// A state table and the columns of its key.
  struct Table {
    var name: String
    var key: [String]
  }

  /// Every table whose rows are the registry's state (not the packets, receipts or the log).
  static let tables: [Table] = [
    Table(name: "prefiling", key: ["id"]),
    Table(name: "prefiling_version", key: ["prefiling_id", "version"]),
    Table(name: "unit", key: ["prefiling_id", "unit_id"]),
    Table(name: "proof", key: ["prefiling_id", "proof_id", "added_in"]),
    Table(name: "tenancy", key: ["id"]),
    Table(name: "bundle", key: ["id"]),
    Table(name: "bundle_track", key: ["bundle_id", "track"]),
    Table(name: "bundle_packet", key: ["bundle_id", "version"]),
    Table(name: "licence", key: ["uscc"]),
    Table(name: "issued_number", key: ["number"]),
    Table(name: "counter", key: ["name"]),
    Table(name: "account", key: ["username"]),
    Table(name: "cancellation_period", key: ["bundle_id"]),
    Table(name: "bundle_definition", key: ["bundle_id"]),
    Table(name: "permit", key: ["number"]),
  ]

  /// The digest recorded for a row that no longer exists.
  static let deleted = "deleted"

  /// Key columns that hold integers (PostgreSQL notes keys as text and casts them back).
  static let integerKeys: Set<String> = ["id", "prefiling_id", "version", "added_in", "bundle_id"]

  /// SQLite: the temporary change table and triggers, created on the writer's connection.
  static var sqliteInstall: String {
    var sql = """
      CREATE TEMP TABLE IF NOT EXISTS state_change (
        table_name TEXT NOT NULL, k1 NOT NULL, k2 NOT NULL, k3 NOT NULL,
        PRIMARY KEY (table_name, k1, k2, k3));

      """
    for table in tables {
      func values(_ row: String) -> String {
        (0..<3).map { index in index < table.key.count ? "\(row).\(table.key[index])" : "''" }
          .joined(separator: ", ")
      }
      for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
        // Not `INSERT OR IGNORE`: an outer statement's conflict policy (an upsert's) would win.
        let key = (0..<3).map { index in
          "k\(index + 1) IS " + (index < table.key.count ? "\(row).\(table.key[index])" : "''")
        }.joined(separator: " AND ")
        sql += """
          CREATE TEMP TRIGGER IF NOT EXISTS state_\(table.name)_\(event.lowercased()) AFTER \(event) ON main.\(table.name)
          BEGIN
            INSERT INTO state_change SELECT '\(table.name)', \(values(row))
            WHERE NOT EXISTS (SELECT 1 FROM state_change WHERE table_name = '\(table.name)' AND \(key));
          END;

          """
      }
    }
    return sql
  }

  /// PostgreSQL: one change table and one trigger function for the whole registry (writes are
  /// serialised under the registry's advisory lock, and each takes its own changes before it
  /// commits), and a row trigger on each state table that lacks one.
  static func installPostgres(_ db: any SQLSession) throws {
    try db.execute(
      sql: """
        CREATE TABLE IF NOT EXISTS state_change (
          table_name TEXT NOT NULL, k1 TEXT NOT NULL, k2 TEXT NOT NULL, k3 TEXT NOT NULL,
          PRIMARY KEY (table_name, k1, k2, k3));
        CREATE OR REPLACE FUNCTION onewindow_note_state_change() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          changed jsonb;
          keys text[] := ARRAY['', '', ''];
        BEGIN
          IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
          FOR i IN 0..TG_NARGS - 1 LOOP
            keys[i + 1] := changed ->> TG_ARGV[i];
          END LOOP;
          INSERT INTO state_change VALUES (TG_TABLE_NAME, keys[1], keys[2], keys[3]) ON CONFLICT DO NOTHING;
          RETURN NULL;
        END $$;
        """)
    let existing = Set(try String.fetchAll(
      db,
      sql: """
        SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND NOT t.tgisinternal
        """))
    for table in tables where try db.tableExists(table.name) && !existing.contains("state_\(table.name)_change") {
      let arguments = table.key.map { "'\($0)'" }.joined(separator: ", ")
      try db.execute(
        sql: """
          CREATE TRIGGER state_\(table.name)_change AFTER INSERT OR UPDATE OR DELETE ON \(table.name)
          FOR EACH ROW EXECUTE FUNCTION onewindow_note_state_change(\(arguments))
          """)
    }
  }

  /// One row's digest: SHA-256 over its columns in order, each as `name=type:value` and a zero byte.
  ///   PostgreSQL's `rowid` column (the insertion order SQLite keeps hidden) is not state.
  static func digest(_ row: Row) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(512)
    for (column, value) in row where column != "rowid" {
      bytes += column.utf8
      bytes.append(UInt8(ascii: "="))
      switch value {
      case .null: bytes.append(UInt8(ascii: "n"))
      case .integer(let number): bytes += "i:\(number)".utf8
      case .real(let number): bytes += "r:\(number)".utf8
      case .text(let string): bytes += "t:".utf8; bytes += string.utf8
      case .blob(let data): bytes += "b:".utf8; bytes += Hex.string(SHA256.hash(data: data)).utf8
      }
      bytes.append(0)
    }
    return Hex.string(SHA256.hash(data: bytes))
  }

  /// The key of a row as recorded: its key columns joined by `/`.
  static func key(_ row: Row, of table: Table) -> String {
    key(table.key.map { column in row[column] as SQLValue })
  }

  static func key(_ values: [SQLValue]) -> String {
    values.map { value in
      switch value {
      case .integer(let number): return String(number)
      case .text(let string): return string
      case .real(let number): return String(number)
      default: return ""
      }
    }.joined(separator: "/")
  }

  /// SHA-256 over an event's records, sorted: what the event's `state=` says.
  package static func summary(_ records: [StateRecord]) -> String {
    let lines = records.sorted { ($0.table, $0.key) < ($1.table, $1.key) }
      .map { "\($0.table)|\($0.key)|\($0.digest)\n" }.joined()
    return Hex.string(SHA256.hash(data: Array(lines.utf8)))
  }
}

/// One row's digest as a write left it.
package struct StateRecord: Sendable, Hashable {
  package var table: String
  package var key: String
  package var digest: String
}

/// What `audit verify` found wrong with the state tables.
package struct StateProblem: Sendable, Hashable {
  package enum Kind: String, Sendable, Hashable {
    /// The row differs from what the newest event recorded.
    case changed
    /// An event recorded the row; it is gone.
    case deleted
    /// No event recorded the row.
    case unrecorded
    /// An event's records no longer match its `state=` digest.
    case recordsAltered
  }

  package var kind: Kind
  package var table: String
  package var key: String
  package var sequence: Int64?
}

extension RegistryTransaction {
  /// Digests every row this transaction changed so far and clears the list. The changed rows are
  /// read a table at a time (one statement per table, not per row: on PostgreSQL each statement
  /// is a round trip).
  package func takeStateChanges() throws -> [StateRecord] {
    let changes: [Row]
    switch db.dialect {
    case .sqlite:
      changes = try Row.fetchAll(
        try db.cachedStatement(sql: "SELECT table_name, k1, k2, k3 FROM temp.state_change ORDER BY table_name, k1, k2, k3"))
      guard !changes.isEmpty else { return [] }
      try db.cachedStatement(sql: "DELETE FROM temp.state_change").execute()
    case .postgres:
      changes = try Row.fetchAll(db, sql: "DELETE FROM state_change RETURNING table_name, k1, k2, k3")
      guard !changes.isEmpty else { return [] }
    }
    let tables = Dictionary(uniqueKeysWithValues: StateLedger.tables.map { ($0.name, $0) })
    var keysByTable: [String: [[SQLValue]]] = [:]
    for change in changes {
      let name: String = change["table_name"]
      guard let table = tables[name] else { continue }
      let values: [SQLValue] = [change["k1"], change["k2"], change["k3"]]
      keysByTable[name, default: []].append(Array(values.prefix(table.key.count)))
    }
    var records: [StateRecord] = []
    for (name, keys) in keysByTable.sorted(by: { $0.key < $1.key }) {
      guard let table = tables[name] else { continue }
      let one = "(" + table.key.map { column in
        db.dialect == .postgres && StateLedger.integerKeys.contains(column) ? "\(column) = CAST(? AS BIGINT)" : "\(column) = ?"
      }.joined(separator: " AND ") + ")"
      var found: [String: String] = [:]
      // SQLite answers in process: one cached statement a row. PostgreSQL: one statement for up
      // to 100 rows (a statement of its own shape each time is prepared anew, cheap there).
      let batch = db.dialect == .postgres ? 100 : 1
      for start in stride(from: 0, to: keys.count, by: batch) {
        let chunk = keys[start..<min(start + batch, keys.count)]
        let condition = Array(repeating: one, count: chunk.count).joined(separator: " OR ")
        for row in try Row.fetchAll(
          db.cachedStatement(sql: "SELECT * FROM \(table.name) WHERE \(condition)"),
          arguments: StatementArguments(chunk.flatMap { $0 }))
        {
          found[StateLedger.key(row, of: table)] = StateLedger.digest(row)
        }
      }
      for key in keys {
        let text = StateLedger.key(key)
        records.append(StateRecord(table: name, key: text, digest: found[text] ?? StateLedger.deleted))
      }
    }
    return records
  }

  /// Forgets the changes noted so far without recording them (bulk-loaded benchmark stores).
  package func forgetStateChanges() throws {
    try db.execute(sql: db.dialect == .sqlite ? "DELETE FROM temp.state_change" : "DELETE FROM state_change")
  }

  /// Records the rows' digests under the event that made the changes.
  package func insertStateRecords(_ records: [StateRecord], sequence: Int64) throws {
    // Many rows a statement on PostgreSQL (each statement is a round trip); one cached statement
    // a row on SQLite.
    let batch = db.dialect == .postgres ? 100 : 1
    for start in stride(from: 0, to: records.count, by: batch) {
      let chunk = records[start..<min(start + batch, records.count)]
      let values = Array(repeating: "(?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
      try db.execute(
        sql: "INSERT INTO state_record(audit_sequence, table_name, row_key, digest) VALUES \(values)",
        arguments: StatementArguments(chunk.flatMap { record -> [SQLValue] in
          [.integer(sequence), .text(record.table), .text(record.key), .text(record.digest)]
        }))
    }
  }

  /// Every row of every state table as it is now.
  package func currentState() throws -> [StateRecord] {
    var records: [StateRecord] = []
    // A migration's baseline runs before later migrations add their tables.
    for table in StateLedger.tables where try db.tableExists(table.name) {
      try db.forEachRow("SELECT * FROM \(table.name)") { row in
        records.append(StateRecord(table: table.name, key: StateLedger.key(row, of: table), digest: StateLedger.digest(row)))
      }
    }
    return records
  }

  /// The number of rows in the state tables.
  package func stateRowCount() throws -> Int {
    try StateLedger.tables.reduce(0) { total, table in
      total + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0)
    }
  }

  /// The records of every event, by sequence.
  package func stateRecordsBySequence() throws -> [Int64: [StateRecord]] {
    var result: [Int64: [StateRecord]] = [:]
    try db.forEachRow("SELECT * FROM state_record ORDER BY audit_sequence") { row in
      result[row["audit_sequence"], default: []].append(
        StateRecord(table: row["table_name"], key: row["row_key"], digest: row["digest"]))
    }
    return result
  }

  /// Compares the state tables with the ledger and each event's records with its `state=`.
  package func verifyState(events: [AuditEvent]) throws -> [StateProblem] {
    var problems: [StateProblem] = []
    let bySequence = try stateRecordsBySequence()
    var newest: [String: (digest: String, sequence: Int64)] = [:]
    for event in events {
      let records = bySequence[event.sequence] ?? []
      let claimed = event.detail.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
        .first { $0.hasPrefix("state=") }.map { String($0.dropFirst(6)) }
      if let claimed, claimed != StateLedger.summary(records) {
        problems.append(StateProblem(kind: .recordsAltered, table: "", key: "", sequence: event.sequence))
      } else if claimed == nil && !records.isEmpty {
        problems.append(StateProblem(kind: .recordsAltered, table: "", key: "", sequence: event.sequence))
      }
      for record in records { newest[record.table + "\u{1F}" + record.key] = (record.digest, event.sequence) }
    }
    var seen: Set<String> = []
    for row in try currentState() {
      let id = row.table + "\u{1F}" + row.key
      seen.insert(id)
      guard let recorded = newest[id], recorded.digest != StateLedger.deleted else {
        problems.append(StateProblem(kind: .unrecorded, table: row.table, key: row.key, sequence: nil))
        continue
      }
      if recorded.digest != row.digest {
        problems.append(StateProblem(kind: .changed, table: row.table, key: row.key, sequence: recorded.sequence))
      }
    }
    for (id, recorded) in newest where !seen.contains(id) && recorded.digest != StateLedger.deleted {
      let parts = id.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
      problems.append(StateProblem(kind: .deleted, table: parts[0], key: parts.count > 1 ? parts[1] : "", sequence: recorded.sequence))
    }
    return problems.sorted { ($0.table, $0.key, $0.kind.rawValue) < ($1.table, $1.key, $1.kind.rawValue) }
  }
}
