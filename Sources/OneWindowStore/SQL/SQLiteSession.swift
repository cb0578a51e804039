import Foundation
internal import GRDB

/// A GRDB connection inside one of its transactions.
struct SQLiteSession: SQLSession {
  let db: Database

  var dialect: SQLDialect { .sqlite }

  func execute(sql: String, arguments: StatementArguments) throws {
    if arguments.values.isEmpty && sql.contains(";") {
      try db.execute(sql: sql)  // several statements (migrations, triggers)
      return
    }
    try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments.values))
  }

  func rows(_ sql: String, _ arguments: [SQLValue], limit: Int?) throws -> [Row] {
    let statement = try db.cachedStatement(sql: sql)
    let names = statement.columnNames
    let cursor = try GRDB.Row.fetchCursor(statement, arguments: Self.arguments(arguments))
    var rows: [Row] = []
    while let row = try cursor.next() {
      rows.append(Self.row(row, names))
      if let limit, rows.count >= limit { break }
    }
    return rows
  }

  func forEachRow(_ sql: String, _ body: (Row) throws -> Void) throws {
    let statement = try db.makeStatement(sql: sql)
    let names = statement.columnNames
    let cursor = try GRDB.Row.fetchCursor(statement)
    while let row = try cursor.next() { try body(Self.row(row, names)) }
  }

  var lastInsertedRowID: Int64 { db.lastInsertedRowID }

  func tableExists(_ name: String) throws -> Bool { try db.tableExists(name) }

  static func row(_ row: GRDB.Row, _ names: [String]) -> Row {
    Row(columns: names, values: (0..<names.count).map { index in value((row[index] as DatabaseValue).storage) })
  }

  static func value(_ storage: DatabaseValue.Storage) -> SQLValue {
    switch storage {
    case .null: .null
    case .int64(let number): .integer(number)
    case .double(let number): .real(number)
    case .string(let text): .text(text)
    case .blob(let data): .blob(Array(data))
    }
  }

  static func arguments(_ values: [SQLValue]) -> GRDB.StatementArguments {
    if values.isEmpty { return GRDB.StatementArguments() }
    return GRDB.StatementArguments(values.map { value -> DatabaseValue in
      switch value {
      case .null: .null
      case .integer(let number): number.databaseValue
      case .real(let number): number.databaseValue
      case .text(let text): text.databaseValue
      case .blob(let bytes): Data(bytes).databaseValue
      }
    })
  }
}
