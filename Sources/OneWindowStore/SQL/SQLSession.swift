/// Which SQL the store speaks on a connection.
enum SQLDialect: Sendable {
  case sqlite
  case postgres
}

/// One connection inside one transaction: the few calls the registry's tables make, on SQLite
/// (GRDB) or PostgreSQL (postgres-nio). Statements are written once, with `?` placeholders and
/// the SQL both stores accept.
protocol SQLSession {
  var dialect: SQLDialect { get }
  /// Runs a statement that returns no rows.
  func execute(sql: String, arguments: StatementArguments) throws
  /// The rows of a query (at most `limit`).
  func rows(_ sql: String, _ arguments: [SQLValue], limit: Int?) throws -> [Row]
  /// Calls `body` with each row of a query as it arrives (large scans).
  func forEachRow(_ sql: String, _ body: (Row) throws -> Void) throws
  /// The id the last `INSERT` into a table with a generated id gave, on this connection.
  var lastInsertedRowID: Int64 { get throws }
  /// Whether a table of the registry exists.
  func tableExists(_ name: String) throws -> Bool
  /// The database clock read as the registry's lock was taken (PostgreSQL writes), UTC.
  var clockAtLock: String? { get }
}

extension SQLSession {
  var clockAtLock: String? { nil }

  func execute(sql: String) throws { try execute(sql: sql, arguments: []) }

  /// A statement to run or query, as GRDB's `cachedStatement` (PostgreSQL caches its translation).
  func cachedStatement(sql: String) throws -> Statement { Statement(session: self, sql: sql) }
}

/// A statement bound to its session.
struct Statement {
  let session: any SQLSession
  let sql: String

  func execute(arguments: StatementArguments = []) throws {
    try session.execute(sql: sql, arguments: arguments)
  }
}
