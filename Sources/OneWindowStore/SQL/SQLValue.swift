import Foundation

/// One value bound to or read from SQL, as SQLite stores it: the registry's types on both stores
/// (PostgreSQL's `BIGINT`, `DOUBLE PRECISION`, `TEXT` and `BYTEA` read back as these).
enum SQLValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
}

/// A Swift value that can be bound to a statement.
protocol SQLBindable {
  var sqlValue: SQLValue { get }
}

/// A Swift value a column can be read as. Reading a column as a type it cannot hold is a
/// programming error (as in GRDB): the registry's tables are ours.
protocol SQLDecodable {
  static func decode(_ value: SQLValue, column: String) -> Self
}

extension SQLValue: SQLBindable, SQLDecodable {
  var sqlValue: SQLValue { self }
  static func decode(_ value: SQLValue, column: String) -> SQLValue { value }

  fileprivate func mismatch<T>(_ type: T.Type, _ column: String) -> Never {
    preconditionFailure("registry column \(column) holds \(self), not \(T.self)")
  }
}

extension Int64: SQLBindable, SQLDecodable {
  var sqlValue: SQLValue { .integer(self) }
  static func decode(_ value: SQLValue, column: String) -> Int64 {
    switch value {
    case .integer(let number): number
    case .real(let number) where number == number.rounded(.towardZero): Int64(number)
    default: value.mismatch(Int64.self, column)
    }
  }
}

extension Int: SQLBindable, SQLDecodable {
  var sqlValue: SQLValue { .integer(Int64(self)) }
  static func decode(_ value: SQLValue, column: String) -> Int { Int(Int64.decode(value, column: column)) }
}

extension Bool: SQLBindable, SQLDecodable {
  var sqlValue: SQLValue { .integer(self ? 1 : 0) }
  static func decode(_ value: SQLValue, column: String) -> Bool { Int64.decode(value, column: column) != 0 }
}

extension Double: SQLBindable, SQLDecodable {
  var sqlValue: SQLValue { .real(self) }
  static func decode(_ value: SQLValue, column: String) -> Double {
    switch value {
    case .real(let number): number
    case .integer(let number): Double(number)
    default: value.mismatch(Double.self, column)
    }
  }
}

extension String: SQLBindable, SQLDecodable {
  var sqlValue: SQLValue { .text(self) }
  static func decode(_ value: SQLValue, column: String) -> String {
    switch value {
    case .text(let text): text
    case .integer(let number): String(number)
    default: value.mismatch(String.self, column)
    }
  }
}

extension Data: SQLBindable, SQLDecodable {
  var sqlValue: SQLValue { .blob(Array(self)) }
  static func decode(_ value: SQLValue, column: String) -> Data {
    switch value {
    case .blob(let bytes): Data(bytes)
    default: value.mismatch(Data.self, column)
    }
  }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
  var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
  static func decode(_ value: SQLValue, column: String) -> Wrapped? {
    if case .null = value { return nil }
    return Wrapped.decode(value, column: column)
  }
}

/// The values bound to a statement, written as an array literal like GRDB's.
struct StatementArguments: ExpressibleByArrayLiteral {
  var values: [SQLValue]

  init(arrayLiteral elements: (any SQLBindable)?...) {
    values = elements.map { $0?.sqlValue ?? .null }
  }

  init(_ values: [SQLValue]) { self.values = values }
}

/// One result row: its columns in order, read by name like GRDB's `Row`.
struct Row: Sequence, Sendable {
  let columns: [String]
  let values: [SQLValue]

  subscript<T: SQLDecodable>(_ column: String) -> T {
    guard let index = columns.firstIndex(of: column) else {
      preconditionFailure("the query has no column \(column)")
    }
    return T.decode(values[index], column: column)
  }

  func makeIterator() -> Zip2Sequence<[String], [SQLValue]>.Iterator { zip(columns, values).makeIterator() }

  static func fetchOne(_ statement: Statement, arguments: StatementArguments = []) throws -> Row? {
    try statement.session.rows(statement.sql, arguments.values, limit: 1).first
  }

  static func fetchAll(_ statement: Statement, arguments: StatementArguments = []) throws -> [Row] {
    try statement.session.rows(statement.sql, arguments.values, limit: nil)
  }

  static func fetchOne(_ session: any SQLSession, sql: String, arguments: StatementArguments = []) throws -> Row? {
    try session.rows(sql, arguments.values, limit: 1).first
  }

  static func fetchAll(_ session: any SQLSession, sql: String, arguments: StatementArguments = []) throws -> [Row] {
    try session.rows(sql, arguments.values, limit: nil)
  }
}

extension SQLDecodable {
  /// The first column of the first row, if any row.
  static func fetchOne(_ statement: Statement, arguments: StatementArguments = []) throws -> Self? {
    guard let row = try Row.fetchOne(statement, arguments: arguments) else { return nil }
    if case .null = row.values[0] { return nil }
    return Self.decode(row.values[0], column: row.columns[0])
  }

  static func fetchOne(_ session: any SQLSession, sql: String, arguments: StatementArguments = []) throws -> Self? {
    try fetchOne(session.cachedStatement(sql: sql), arguments: arguments)
  }

  /// The first column of every row.
  static func fetchAll(_ statement: Statement, arguments: StatementArguments = []) throws -> [Self] {
    try Row.fetchAll(statement, arguments: arguments).map { Self.decode($0.values[0], column: $0.columns[0]) }
  }

  static func fetchAll(_ session: any SQLSession, sql: String, arguments: StatementArguments = []) throws -> [Self] {
    try fetchAll(session.cachedStatement(sql: sql), arguments: arguments)
  }
}
