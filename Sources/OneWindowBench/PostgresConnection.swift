import Foundation
import Logging
import PostgresNIO

/// The benchmarks' own connection to PostgreSQL (bulk loads, the bare-insert peer, `EXPLAIN`),
/// apart from the registry's pool.
final class BenchConnection: Sendable {
  let connection: PostgresConnection
  let logger: Logger
  /// The server URL without the registry's options.
  let server: String

  private init(connection: PostgresConnection, logger: Logger, server: String) {
    self.connection = connection
    self.logger = logger
    self.server = server
  }

  /// Connects to `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (options after `?` ignored).
  static func open(_ url: String) async throws -> BenchConnection {
    let server = String(url.split(separator: "?", maxSplits: 1)[0])
    guard let components = URLComponents(string: server), let host = components.host else {
      throw BenchError("\(url) is not a PostgreSQL URL")
    }
    let user = components.user ?? "postgres"
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    let configuration = PostgresConnection.Configuration(
      host: host, port: components.port ?? 5432, username: user, password: components.password,
      database: path.isEmpty ? user : path, tls: .disable)
    var logger = Logger(label: "onewindow-bench.postgres")
    logger.logLevel = .critical
    let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
    return BenchConnection(connection: connection, logger: logger, server: server)
  }

  func close() async { try? await connection.close() }

  /// The registry URL of a schema on this server.
  func registryURL(schema: String) -> String { server + "?schema=" + schema }

  /// Runs statements one by one (`;`-separated, no `;` inside them).
  func execute(_ script: String) async throws {
    for statement in script.split(separator: ";") {
      let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !text.isEmpty else { continue }
      try await run(text, [])
    }
  }

  /// Runs one statement with text parameters (each cast in the statement where needed).
  func run(_ sql: String, _ values: [String?]) async throws {
    for try await _ in try await connection.query(Self.query(sql, values), logger: logger) {}
  }

  /// The rows of a query whose columns are all text (cast them with `::text`).
  func rows(_ sql: String, _ values: [String?] = []) async throws -> [[String?]] {
    var rows: [[String?]] = []
    for try await row in try await connection.query(Self.query(sql, values), logger: logger) {
      rows.append(try row.map { cell in try cell.decode(String?.self) })
    }
    return rows
  }

  private static func query(_ sql: String, _ values: [String?]) -> PostgresQuery {
    var binds = PostgresBindings(capacity: values.count)
    for value in values {
      if let value { binds.append(value) } else { binds.appendNull() }
    }
    return PostgresQuery(unsafeSQL: sql, binds: binds)
  }
}
