import Foundation

/// Copies a whole registry into another store (`onewindow registry copy`).
enum RegistryCopy {
  /// Every table, parents before the tables that refer to them.
  static let tables = [
    "packet", "packet_attachment", "receipt", "audit_event", "counter", "prefiling", "prefiling_version", "unit",
    "proof", "tenancy", "bundle", "bundle_track", "licence", "issued_number", "bundle_packet", "state_record",
    "account", "api_token", "cancellation_period", "bundle_definition", "permit",
  ]

  /// Identity columns PostgreSQL generates, whose sequences must continue after the copied rows.
  static let identities = [
    ("packet", "id"), ("prefiling", "id"), ("tenancy", "id"), ("bundle", "id"), ("unit", "rowid"), ("proof", "rowid"),
    ("issued_number", "rowid"),
  ]
}

extension RegistryStore {
  /// Copies every row of this registry into `target`, which must be empty (just made by
  /// `registry init`), in one write transaction there: all of it or nothing. Rows keep their
  /// ids and their order (SQLite's `rowid`), so the audit chain, the state ledger and every
  /// receipt's recorded head verify the same on both sides. Returns the rows copied per table.
  package func copy(into target: RegistryStore) async throws -> [(table: String, rows: Int)] {
    let source = try await read { transaction in
      try RegistryCopy.tables.map { table in
        // Insertion order: SQLite's rowid; PostgreSQL's explicit rowid where a table has one,
        // else the key.
        let order =
          transaction.db.dialect == .sqlite || PostgresMigrations.rowidTables.contains(table) ? "rowid" : "1"
        return (table, try Row.fetchAll(transaction.db, sql: "SELECT * FROM \(table) ORDER BY \(order)"))
      }
    }
    let counts = source.map { ($0.0, $0.1.count) }
    let rows = source.map { (table: $0.0, rows: $0.1.map { row in Array(zip(row.columns, row.values)) }) }
    try await target.write { transaction in
      let db = transaction.db
      let used = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM audit_event) + (SELECT COUNT(*) FROM packet)") ?? 0
      guard used == 0 else {
        throw StoreError(.constraint, "the target registry is not empty (it has packets or audit events); copy into a new one")
      }
      for (table, tableRows) in rows {
        for row in tableRows {
          let columns = row.filter { $0.0 != "rowid" }
          let sql = "INSERT INTO \(table)(\(columns.map(\.0).joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
          try db.execute(sql: sql, arguments: StatementArguments(columns.map(\.1)))
        }
      }
      if db.dialect == .postgres {
        for (table, column) in RegistryCopy.identities {
          try db.execute(
            sql: "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), COALESCE(MAX(\(column)), 0) + 1, false) FROM \(table)",
            arguments: [])
        }
      }
      // The copied rows are recorded in the copied ledger already.
      try transaction.forgetStateChanges()
    }
    return counts
  }
}
