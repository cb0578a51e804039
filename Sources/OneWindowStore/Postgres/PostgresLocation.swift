import Foundation

/// A registry in PostgreSQL, from a `postgres://` URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?OPTIONS]`.
///
/// Options (all optional): `pool` (connections this process keeps, 8), `connect_timeout` (seconds,
/// 10), `lock_timeout` (seconds a write waits for the registry's lock, else the busy timeout),
/// `statement_timeout` (seconds, none), `sslmode` (`disable`, `prefer` or `require`; `disable`)
/// and `schema` (the schema the registry's tables live in, `public`).
package struct PostgresLocation: Sendable, Hashable {
  package enum TLSMode: String, Sendable, Hashable {
    case disable, prefer, require
  }

  package var host: String
  package var port: Int
  package var user: String
  package var password: String?
  package var database: String
  package var schema: String?
  package var poolSize = 8
  package var connectTimeout: Double = 10
  package var lockTimeout: Double?
  package var statementTimeout: Double?
  package var tls = TLSMode.disable

  /// Whether a registry location names PostgreSQL rather than a SQLite file.
  package static func isPostgres(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
  }

  package init(url text: String) throws(StoreError) {
    guard Self.isPostgres(text), let components = URLComponents(string: text), let host = components.host,
      !host.isEmpty
    else {
      throw StoreError(.cannotOpen, "\(Self.redact(text)) is not a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE)")
    }
    self.host = host
    port = components.port ?? 5432
    user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
    password = components.password.flatMap { $0.removingPercentEncoding }
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
    for item in components.queryItems ?? [] {
      let value = item.value ?? ""
      func seconds() throws(StoreError) -> Double {
        guard let number = Double(value), number > 0, number <= 86_400 else {
          throw StoreError(.cannotOpen, "\(item.name)=\(value): give a number of seconds between 0 and 86400")
        }
        return number
      }
      switch item.name {
      case "pool":
        guard let size = Int(value), (1...256).contains(size) else {
          throw StoreError(.cannotOpen, "pool=\(value): give a number of connections from 1 to 256")
        }
        poolSize = size
      case "connect_timeout": connectTimeout = try seconds()
      case "lock_timeout": lockTimeout = try seconds()
      case "statement_timeout": statementTimeout = try seconds()
      case "sslmode":
        guard let mode = TLSMode(rawValue: value) else {
          throw StoreError(.cannotOpen, "sslmode=\(value): give disable, prefer or require")
        }
        tls = mode
      case "schema":
        guard value.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil, !value.hasPrefix("pg_")
        else {
          throw StoreError(.cannotOpen, "schema=\(value): give a lower-case name of letters, digits and _ (not pg_…)")
        }
        schema = value
      default:
        throw StoreError(
          .cannotOpen,
          "unknown option \(item.name) in the PostgreSQL URL (known: pool, connect_timeout, lock_timeout, statement_timeout, sslmode, schema)")
      }
    }
  }

  /// The URL without its password, for messages and receipts.
  package var redacted: String {
    var text = "postgres://\(user)@\(host):\(port)/\(database)"
    if let schema { text += "?schema=\(schema)" }
    return text
  }

  /// A URL with any password replaced by `***`.
  package static func redact(_ text: String) -> String {
    // Whatever lies between `://` and the last `@` before the host may hold a password, even in
    // a URL that does not parse.
    text.replacing(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^:@\/]*):[^\/]*@/) { match in "\(match.1)\(match.2):***@" }
  }

  /// The same server and database with another schema (each replay scenario gets its own).
  package func inSchema(_ schema: String) -> PostgresLocation {
    var copy = self
    copy.schema = schema
    return copy
  }
}
