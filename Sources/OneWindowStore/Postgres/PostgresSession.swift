import Foundation
internal import Logging
internal import NIOCore
internal import PostgresNIO

/// One PostgreSQL connection inside one transaction. The registry's table code is synchronous
/// (as GRDB's is), so each statement waits for its answer; it runs on a dispatch thread, never
/// on Swift's cooperative pool nor on the connection's event loop.
final class PostgresSession: SQLSession {
  let connection: PostgresConnection
  let logger: Logger
  /// `?` statements as PostgreSQL's `$n`, translated once per connection.
  private var translations: [String: String] = [:]
  /// The id the last insert into a table with a generated id was given.
  private var lastID: Int64 = 0
  /// The database clock read in the statement that took the registry's lock.
  var clockAtLock: String?

  /// Tables whose `id` SQLite's AUTOINCREMENT gives. PostgreSQL's sequences would keep the ids a
  /// rolled-back write took (a preview, a refusal, a retry), so there the next id is the largest
  /// plus one, taken under the registry's lock: the same ids as SQLite, for the same history.
  static let generatedIDTables: Set<String> = ["packet", "prefiling", "tenancy", "bundle"]

  init(connection: PostgresConnection, logger: Logger) {
    self.connection = connection
    self.logger = logger
  }

  var dialect: SQLDialect { .postgres }

  func execute(sql: String, arguments: StatementArguments) throws {
    if arguments.values.isEmpty && sql.contains(";") {
      // Several statements (migrations, functions): one at a time, as the extended protocol wants.
      for statement in Self.statements(sql) {
        _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait()
      }
      return
    }
    if let match = sql.firstMatch(of: /^\s*INSERT INTO (\w+)\((\w+)/), Self.generatedIDTables.contains(String(match.1)),
      match.2 != "id"
    {
      let table = String(match.1)
      let withID = sql.replacing("INSERT INTO \(table)(", with: "INSERT INTO \(table)(id, ", maxReplacements: 1)
        .replacing("VALUES (", with: "VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM \(table)), ", maxReplacements: 1)
        + " RETURNING id"
      lastID = try Int64.fetchOne(self, sql: withID, arguments: arguments) ?? 0
      return
    }
    _ = try connection.query(query(sql, arguments.values), logger: logger).wait()
  }

  func rows(_ sql: String, _ arguments: [SQLValue], limit: Int?) throws -> [Row] {
    let result = try connection.query(query(sql, arguments), logger: logger).wait()
    var rows: [Row] = []
    var columns: [String]?
    for row in result.rows {
      let names = columns ?? row.map(\.columnName)
      columns = names
      rows.append(Row(columns: names, values: row.map(Self.value)))
      if let limit, rows.count >= limit { break }
    }
    return rows
  }

  func forEachRow(_ sql: String, _ body: (Row) throws -> Void) throws {
    for row in try rows(sql, [], limit: nil) { try body(row) }
  }

  /// Runs one statement and answers its command tag (`COMMIT`, `ROLLBACK`…).
  func command(_ sql: String) throws -> String {
    try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait().metadata.command
  }

  var lastInsertedRowID: Int64 { lastID }

  func tableExists(_ name: String) throws -> Bool {
    try Bool.fetchOne(
      self,
      sql: "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?)",
      arguments: [name]) ?? false
  }

  private func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
    let translated: String
    if let known = translations[sql] {
      translated = known
    } else {
      translated = Self.translate(sql)
      translations[sql] = translated
    }
    var binds = PostgresBindings(capacity: arguments.count)
    for argument in arguments {
      switch argument {
      case .null: binds.appendNull()
      case .integer(let number): binds.append(number)
      case .real(let number): binds.append(number)
      case .text(let text): binds.append(text)
      case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
      }
    }
    return PostgresQuery(unsafeSQL: translated, binds: binds)
  }

  /// A script's statements, split at `;` outside quotes and `$$` bodies.
  static func statements(_ sql: String) -> [String] {
    var statements: [String] = []
    var current = ""
    var inQuote = false
    var inBody = false
    var previous: Character = " "
    for character in sql {
      if character == ";" && !inQuote && !inBody {
        statements.append(current)
        current = ""
        previous = " "
        continue
      }
      if character == "'" && !inBody { inQuote.toggle() }
      if character == "$" && previous == "$" && !inQuote { inBody.toggle() }
      current.append(character)
      previous = character
    }
    statements.append(current)
    return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }

  /// `?` placeholders as `$1`, `$2`…, outside quoted text.
  static func translate(_ sql: String) -> String {
    var result = ""
    result.reserveCapacity(sql.utf8.count + 16)
    var number = 0
    var quote: Character?
    for character in sql {
      if let open = quote {
        if character == open { quote = nil }
        result.append(character)
      } else if character == "'" || character == "\"" {
        quote = character
        result.append(character)
      } else if character == "?" {
        number += 1
        result += "$\(number)"
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// A cell as the value SQLite would have stored.
  static func value(_ cell: PostgresCell) -> SQLValue {
    guard cell.bytes != nil else { return .null }
    do {
      switch cell.dataType {
      case .int8: return .integer(try cell.decode(Int64.self))
      case .int4: return .integer(Int64(try cell.decode(Int32.self)))
      case .int2: return .integer(Int64(try cell.decode(Int16.self)))
      case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
      case .float8: return .real(try cell.decode(Double.self))
      case .float4: return .real(Double(try cell.decode(Float.self)))
      case .bytea:
        var buffer = try cell.decode(ByteBuffer.self)
        return .blob(buffer.readBytes(length: buffer.readableBytes) ?? [])
      case .void: return .null
      case .numeric:
        let number = NSDecimalNumber(decimal: try cell.decode(Decimal.self))
        if number == NSDecimalNumber(value: number.int64Value) { return .integer(number.int64Value) }
        return .real(number.doubleValue)
      default:
        return .text(try cell.decode(String.self))
      }
    } catch {
      preconditionFailure("cannot read column \(cell.columnName) of type \(cell.dataType): \(error)")
    }
  }
}
