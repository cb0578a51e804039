import Foundation
import OneWindowKit
import Synchronization

/// Issued bundles per second on PostgreSQL, against bare inserts of the same rows on the same
/// server, and two registry instances against one.
///
/// The shape of ``IssuanceBenchmark`` (SQLite): each bundle goes the whole way through the
/// registry API on a PostgreSQL registry (its own schema): submit, food track approved after an
/// inspection, business track approved, issued; four write transactions, each under the
/// registry's advisory lock, committed durably (the cluster's defaults: `fsync`,
/// `synchronous_commit=on`). After each bundle every row it left (found by `xmin`, new by primary
/// key) is inserted into a second schema made by the same migrations, with the same indexes and
/// append-only triggers (the state ledger's row triggers dropped: they are OneWindow's work, not
/// the rows'), one parameterised `INSERT` a row, in as many commits (the floor), and into a third
/// in one commit (for information). The two alternate bundle by bundle.
///
/// Then the same bundles through several concurrent workers on one `Registry` (one pool), and
/// on two `Registry` handles with pools of their own on one schema (two instances), alternating
/// in rounds, each on a fresh schema.
struct PostgresIssuanceBenchmark {
  let oneWindow: OneWindow
  let postgres: String
  let samples: String
  let bundles: Int
  let workers: Int
  let rounds: Int

  func run() async throws {
    let connection = try await BenchConnection.open(postgres)
    let schemas = ["bench_issuance", "bench_issuance_bare", "bench_issuance_bare_one"]
    for schema in schemas { try await connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
    let registry = try Registry(oneWindow: oneWindow, path: connection.registryURL(schema: schemas[0]), create: true)
    for schema in schemas.dropFirst() {
      _ = try Registry(oneWindow: oneWindow, path: connection.registryURL(schema: schema), create: true)
      for trigger in try await connection.rows(
        "SELECT t.tgname::text, c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND t.tgname LIKE 'state\\_%\\_change'",
        [schema])
      {
        try await connection.execute("DROP TRIGGER \(trigger[0]!) ON \(schema).\(trigger[1]!)")
      }
    }
    let tables = try await Self.tables(in: schemas[0], connection)
    var seen: [String: Set<String>] = [:]
    _ = try await Self.rows(of: tables, in: schemas[0], since: 0, seen: &seen, connection)  // what the migrations left

    let packets = try IssuanceBenchmark.packets(samples: samples, count: bundles)
    let issuance = IssuanceBenchmark(oneWindow: oneWindow, directory: "", samples: samples, bundles: bundles)
    var perStep = [Double](repeating: 0, count: 4)
    var totals = (real: 0.0, bare: 0.0, bareOne: 0.0)
    var rowCount = 0
    for (number, packet) in packets {
      let mark = try await Self.nextTransaction(connection)
      var steps = perStep
      totals.real += try await Timing.seconds {
        try await issuance.issueOne(number, packet: packet, registry: registry, perStep: &steps)
      }
      perStep = steps
      let rows = try await Self.rows(of: tables, in: schemas[0], since: mark, seen: &seen, connection)
      rowCount += rows.reduce(0) { $0 + $1.values.count }
      totals.bare += try await Self.insert(rows, into: schemas[1], commits: 4, connection)
      totals.bareOne += try await Self.insert(rows, into: schemas[2], commits: 1, connection)
    }
    let settings = try await connection.rows(
      "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('server_version')")
    let ratio = totals.bare / totals.real
    let oneRatio = totals.bareOne / totals.real
    let rate = Double(bundles) / totals.real
    func ms(_ seconds: Double) -> String { Timing.format(seconds / Double(bundles) * 1000) }
    print("PostgreSQL issuance: \(bundles) bundles, each submit → food decision → business decision → issue (\(4 * bundles) commits)")
    print("  PostgreSQL \(settings[0][2] ?? "?"), fsync \(settings[0][0] ?? "?"), synchronous_commit \(settings[0][1] ?? "?"); \(rowCount) rows left in the tables")
    print("  per bundle: submit \(ms(perStep[0])) ms, food \(ms(perStep[1])) ms, business \(ms(perStep[2])) ms, issue \(ms(perStep[3])) ms")
    print("  OneWindow:                           \(Timing.format(rate, digits: 1)) issued bundles/s")
    print("  bare inserts, same commits:          \(Timing.format(Double(bundles) / totals.bare, digits: 1)) bundles-worth of rows/s → ratio \(Timing.format(ratio))")
    print("  bare inserts, one commit per bundle: \(Timing.format(Double(bundles) / totals.bareOne, digits: 1)) bundles-worth of rows/s → ratio \(Timing.format(oneRatio))")
    Timing.result("pg_issuance.bundles", String(bundles))
    Timing.result("pg_issuance.rows", String(rowCount))
    Timing.result("pg_issuance.bundles_per_s", Timing.format(rate, digits: 2))
    Timing.result("pg_issuance.bare_per_s", Timing.format(Double(bundles) / totals.bare, digits: 2))
    Timing.result("pg_issuance.ratio", Timing.format(ratio, digits: 3))
    Timing.result("pg_issuance.bare_one_commit_per_bundle_per_s", Timing.format(Double(bundles) / totals.bareOne, digits: 2))
    Timing.result("pg_issuance.ratio_one_commit_per_bundle", Timing.format(oneRatio, digits: 3))
    for (name, seconds) in zip(["submit", "food", "business", "issue"], perStep) {
      Timing.result("pg_issuance.\(name)_ms", ms(seconds))
    }
    for schema in schemas { try await connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }

    try await instances(packets: packets, issuance: issuance, connection: connection)
    await connection.close()
  }

  /// The same bundles through `workers` concurrent workers: on one `Registry`, then on two
  /// (half the workers each), each on a fresh schema, alternating for `rounds` rounds.
  private func instances(packets: [(Int, [UInt8])], issuance: IssuanceBenchmark, connection: BenchConnection) async throws {
    var rates: [[Double]] = [[], []]
    for round in 1...rounds {
      for handles in [1, 2] {
        let schema = "bench_instances_\(handles)"
        try await connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
        let url = connection.registryURL(schema: schema) + "&pool=\(workers)"
        let registries = try [Registry(oneWindow: oneWindow, path: url, create: true)]
          + (1..<handles).map { _ in try Registry(oneWindow: oneWindow, path: url) }
        let next = SharedIndex()
        let seconds = try await Timing.seconds {
          try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
              let registry = registries[worker % handles]
              group.addTask {
                var steps = [Double](repeating: 0, count: 4)
                while true {
                  let index = next.value.add(1, ordering: .relaxed).oldValue
                  guard index < packets.count else { return }
                  let (number, packet) = packets[index]
                  try await issuance.issueOne(number, packet: packet, registry: registry, perStep: &steps)
                }
              }
            }
            try await group.waitForAll()
          }
        }
        rates[handles - 1].append(Double(packets.count) / seconds)
        print("  round \(round), \(handles) instance\(handles == 1 ? "" : "s"), \(workers) workers: \(Timing.format(Double(packets.count) / seconds, digits: 1)) issued bundles/s")
        try await connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
      }
    }
    let one = Timing.median(rates[0])
    let two = Timing.median(rates[1])
    print("  \(workers) concurrent workers, median of \(rounds) rounds: one instance \(Timing.format(one, digits: 1)), two instances \(Timing.format(two, digits: 1)) issued bundles/s → two ÷ one \(Timing.format(two / one))")
    Timing.result("pg_instances.workers", String(workers))
    Timing.result("pg_instances.one_per_s", Timing.format(one, digits: 2))
    Timing.result("pg_instances.two_per_s", Timing.format(two, digits: 2))
    Timing.result("pg_instances.ratio", Timing.format(two / one, digits: 3))
  }

  // MARK: - Rows

  struct Table {
    var name: String
    var columns: [String]
    var types: [String]
    var key: [Int]
  }

  struct TableRows {
    var table: Table
    var values: [[String?]]
  }

  /// The registry's tables in creation order (references after what they refer to), with their
  /// columns, types and primary key.
  static func tables(in schema: String, _ connection: BenchConnection) async throws -> [Table] {
    let names = try await connection.rows(
      """
      SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname NOT IN ('grdb_migrations', 'state_change') ORDER BY c.oid
      """, [schema]
    ).compactMap { $0[0] }
    var tables: [Table] = []
    for name in names {
      let columns = try await connection.rows(
        """
        SELECT a.attname::text, format_type(a.atttypid, a.atttypmod),
          (SELECT count(*) FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY(i.indkey))::text
        FROM pg_attribute a WHERE a.attrelid = ($1 || '.' || $2)::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
        """, [schema, name])
      let key = columns.indices.filter { columns[$0][2] == "1" }
      tables.append(
        Table(
          name: name, columns: columns.map { $0[0]! }, types: columns.map { $0[1]! },
          key: key.isEmpty ? Array(columns.indices) : key))
    }
    return tables
  }

  /// The id the next transaction will get (rows written after this have a larger `xmin`).
  static func nextTransaction(_ connection: BenchConnection) async throws -> Int64 {
    let rows = try await connection.rows("SELECT (pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296)::text")
    return Int64(rows[0][0] ?? "") ?? 0
  }

  /// The rows written by transactions from `since` on whose primary key was not seen before
  /// (a row inserted and then updated counts once, as it is now; rows that were there before,
  /// such as a counter, are not inserted again).
  static func rows(
    of tables: [Table], in schema: String, since: Int64, seen: inout [String: Set<String>], _ connection: BenchConnection
  ) async throws -> [TableRows] {
    var result: [TableRows] = []
    for table in tables {
      let columns = table.columns.map { "\"\($0)\"::text" }.joined(separator: ", ")
      let rows = try await connection.rows(
        "SELECT \(columns) FROM \(schema).\(table.name) WHERE xmin::text::bigint >= $1::bigint", [String(since)])
      var fresh: [[String?]] = []
      for row in rows {
        let key = table.key.map { row[$0] ?? "\u{0}" }.joined(separator: "\u{1}")
        if seen[table.name, default: []].insert(key).inserted { fresh.append(row) }
      }
      result.append(TableRows(table: table, values: fresh))
    }
    return result
  }

  /// Inserts `rows` into `schema`'s tables, one parameterised statement a row, in `commits`
  /// transactions of equal size; the seconds taken.
  static func insert(_ rows: [TableRows], into schema: String, commits: Int, _ connection: BenchConnection) async throws
    -> Double
  {
    let flat = rows.flatMap { table in table.values.map { (table.table, $0) } }
    let perCommit = max(1, (flat.count + commits - 1) / commits)
    var statements: [String: String] = [:]
    for table in rows.map(\.table) {
      let values = table.types.indices.map { "$\($0 + 1)::\(table.types[$0])" }.joined(separator: ", ")
      let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
      statements[table.name] = "INSERT INTO \(schema).\(table.name)(\(columns)) VALUES (\(values))"
    }
    return try await Timing.seconds {
      var start = 0
      while start < flat.count {
        let end = min(flat.count, start + perCommit)
        try await connection.run("BEGIN", [])
        for (table, values) in flat[start..<end] {
          try await connection.run(statements[table.name]!, values)
        }
        try await connection.run("COMMIT", [])
        start = end
      }
    }
  }
}

/// The next piece of work, shared between tasks.
final class SharedIndex: Sendable {
  let value = Atomic<Int>(0)
}
