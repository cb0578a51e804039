import Foundation
import OneWindowKit

/// The tenant-registration check against a PostgreSQL registry with 1,000 units and one with
/// 1,000,000 units: the shape of ``RegistryLookupBenchmark`` (SQLite), with the query plans.
///
/// Each store is a schema: the 太兴里 pre-filing through the real API, then fillers copied from
/// its rows in bulk on the server (`INSERT … SELECT` over `generate_series`, triggers off for the
/// load: `session_replication_role = replica`), then `ANALYZE`. The check is what `onewindow
/// validate --db` does for `SampleFilings/valid/registration/taixingli-zhanqiao-media.xml`
/// (schema, rules, the registry facts in one read transaction). `EXPLAIN` of each statement the
/// check runs, with the values it runs them with, is printed for both stores; a sequential scan
/// in a plan at 1,000,000 units is counted, and makes the command exit 1 after it printed its
/// numbers.
struct PostgresLookupBenchmark {
  let oneWindow: OneWindow
  let postgres: String
  let samples: String
  let repeats: Int
  let smallUnits: Int
  let largePreFilings: Int
  let largeUnits: Int
  let rebuild: Bool

  /// Whether a plan at the large size had a sequential scan.
  func run() async throws -> Bool {
    let connection = try await BenchConnection.open(postgres)
    let small = "bench_lookup_small"
    let large = "bench_lookup_large"
    try await prepare(small, preFilings: max(1, smallUnits / 10), units: smallUnits, connection)
    try await prepare(large, preFilings: largePreFilings, units: largeUnits, connection)
    _ = try await explain(small, connection)
    let scans = try await explain(large, connection)
    await connection.close()

    let timed = try RegistryLookupBenchmark.measure(
      oneWindow: oneWindow, samples: samples, repeats: repeats,
      registries: [small, large].map { schema in
        try Registry(oneWindow: oneWindow, path: connection.registryURL(schema: schema), readOnly: true)
      })
    let (block, checkMedian, lookup) = (timed.block, timed.check, timed.lookup)
    print("registration check on PostgreSQL, \(block * 20) runs per store in 20 alternating blocks (median of block means):")
    print("  \(smallUnits) units:       check \(Timing.format(checkMedian[0], digits: 1)) µs, registry lookup \(Timing.format(lookup[0], digits: 1)) µs")
    print("  \(largeUnits) units:    check \(Timing.format(checkMedian[1], digits: 1)) µs, registry lookup \(Timing.format(lookup[1], digits: 1)) µs")
    print("  ratio large/small:  check \(Timing.format(checkMedian[1] / checkMedian[0]))×, registry lookup \(Timing.format(lookup[1] / lookup[0]))×")
    print("  sequential scans in the plans at \(largeUnits) units: \(scans)")
    Timing.result("pg_lookup.small_check_us", Timing.format(checkMedian[0], digits: 1))
    Timing.result("pg_lookup.large_check_us", Timing.format(checkMedian[1], digits: 1))
    Timing.result("pg_lookup.small_facts_us", Timing.format(lookup[0], digits: 1))
    Timing.result("pg_lookup.large_facts_us", Timing.format(lookup[1], digits: 1))
    Timing.result("pg_lookup.check_ratio", Timing.format(checkMedian[1] / checkMedian[0], digits: 3))
    Timing.result("pg_lookup.facts_ratio", Timing.format(lookup[1] / lookup[0], digits: 3))
    Timing.result("pg_lookup.seq_scans", String(scans))
    return scans > 0
  }

  // MARK: - Building the stores

  /// Builds the schema unless it is there with the expected counts.
  private func prepare(_ schema: String, preFilings: Int, units: Int, _ connection: BenchConnection) async throws {
    if !rebuild {
      let exists = try await connection.rows("SELECT to_regclass($1 || '.unit')::text", [schema])
      if let found = exists.first?.first ?? nil, !found.isEmpty {
        let counts = try await connection.rows(
          "SELECT (SELECT count(*) FROM \(schema).prefiling)::text, (SELECT count(*) FROM \(schema).unit)::text")
        if counts.first == [String(preFilings), String(units)] as [String?] {
          print("using schema \(schema): \(preFilings) pre-filings, \(units) units")
          return
        }
      }
    }
    try await connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    let seconds = try await Timing.seconds { try await build(schema, preFilings: preFilings, units: units, connection) }
    print("built schema \(schema): \(preFilings) pre-filings, \(units) units in \(Timing.format(seconds, digits: 1)) s")
  }

  /// The 太兴里 pre-filing through the real API, then fillers copied from its rows on the server
  /// (with explicit ids: the store gives ids as SQLite does, largest plus one, not from sequences).
  private func build(_ schema: String, preFilings: Int, units: Int, _ connection: BenchConnection) async throws {
    let registry = try Registry(oneWindow: oneWindow, path: connection.registryURL(schema: schema), create: true)
    let submitted = try await registry.submitPreFiling(
      PacketSource(displayName: "taixingli.xml", kind: .file(path: samples + "/valid/prefiling/taixingli.xml")),
      by: .owner("91370202MA3C5Y7R9D"), clock: .fixed(CivilDate(year: 2026, month: 3, day: 2)!))
    let approved = try await registry.reviewPreFiling(
      submitted.number, decision: .approve(), by: .clerk("0231"), clock: .fixed(CivilDate(year: 2026, month: 3, day: 4)!))
    guard approved.outcome == .accepted, approved.subject == "YBA-370202-2026-000001" else {
      throw BenchError("the 太兴里 pre-filing was not approved: \(approved.findings.map(\.ruleID))")
    }
    let template = try await connection.rows(
      "SELECT id::text FROM \(schema).prefiling WHERE number = 'YBA-370202-2026-000001'")[0][0]!
    let templateUnits = Int(try await connection.rows("SELECT count(*)::text FROM \(schema).unit WHERE prefiling_id = \(template)")[0][0]!)!
    let fillers = preFilings - 1
    let fillerUnits = units - templateUnits
    guard fillers > 0, fillerUnits >= fillers else { return }
    let (base, extra) = (fillerUnits / fillers, fillerUnits % fillers)
    // Sequence 000002 onward in 2026 (the real counter's next number stays free for 2025), as on SQLite.
    let year = "CASE WHEN g <= 999999 THEN '2026' ELSE '2025' END"
    let sequence = "lpad((g % 1000000)::text, 6, '0')"
    try await connection.execute(
      """
      SET session_replication_role = replica;
      SET synchronous_commit = off;
      BEGIN;
      INSERT INTO \(schema).prefiling(id, number, status, owner_name, owner_identity, premises_name, address, multi_licence_mode,
        building_materials, valid_from, valid_until, version, submitted_receipt, submitted_by_role, submitted_by_id,
        decided_by, reason, updated_at)
      SELECT \(template) + g - 1, 'YBA-370202-' || \(year) || '-' || \(sequence), status, owner_name, owner_identity, '楼宇' || g, address || g || '号',
        multi_licence_mode, building_materials, valid_from, valid_until, version,
        'RCPT-20260101-' || \(sequence) || '-' || \(year), submitted_by_role, submitted_by_id, decided_by, reason, updated_at
      FROM \(schema).prefiling t CROSS JOIN generate_series(2, \(preFilings)) AS g WHERE t.id = \(template);
      INSERT INTO \(schema).unit(prefiling_id, unit_id, floor, room, area, planned_use, capacity, features, has_consent,
        proof_materials, added_in, retired_in)
      SELECT p.id, 'U-' || (u / 10 + 1)::text || lpad((u % 10 + 1)::text, 2, '0'), (u / 10 + 1)::text,
        (u / 10 + 1)::text || lpad((u % 10 + 1)::text, 2, '0'), b.area, b.planned_use, b.capacity, b.features, b.has_consent,
        b.proof_materials, 1, NULL
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS r FROM \(schema).prefiling WHERE id <> \(template)) p
      CROSS JOIN LATERAL generate_series(0, \(base - 1) + CASE WHEN p.r <= \(extra) THEN 1 ELSE 0 END) AS u
      JOIN (SELECT *, row_number() OVER (ORDER BY rowid) - 1 AS k FROM \(schema).unit WHERE prefiling_id = \(template)) b
        ON b.k = u % \(templateUnits)
      ORDER BY p.id, u;
      INSERT INTO \(schema).tenancy(id, prefiling_id, unit_id, tenant_name, tenant_identity, activity, term_start, term_end,
        registered_on, receipt_number, bundle_number, ended_on)
      SELECT (SELECT COALESCE(MAX(id), 0) FROM \(schema).tenancy) + row_number() OVER (ORDER BY u.rowid), u.prefiling_id, u.unit_id, '租户' || u.prefiling_id || '-' || u.room, NULL, 'OFFICE', '2026-01-01', '2028-12-31',
        '2026-01-05', p.submitted_receipt, NULL, NULL
      FROM \(schema).unit u JOIN \(schema).prefiling p ON p.id = u.prefiling_id
      WHERE u.prefiling_id <> \(template) AND ((u.floor::int - 1) * 10 + right(u.room, 2)::int - 1) % 5 = 0
      ORDER BY u.rowid;
      INSERT INTO \(schema).proof(prefiling_id, proof_id, type, number, planned_use, covers, material_file, added_in, replaced_in)
      SELECT p.id, t.proof_id, t.type, t.number || '-' || p.id, t.planned_use, t.covers, t.material_file, 1, NULL
      FROM \(schema).prefiling p CROSS JOIN (SELECT * FROM \(schema).proof WHERE prefiling_id = \(template)) t
      WHERE p.id <> \(template) ORDER BY p.id, t.rowid;
      COMMIT;
      SET session_replication_role = origin;
      ANALYZE \(schema).prefiling;
      ANALYZE \(schema).unit;
      ANALYZE \(schema).tenancy;
      ANALYZE \(schema).proof;
      ANALYZE \(schema).receipt;
      ANALYZE \(schema).licence
      """)
  }

  // MARK: - Query plans

  /// `EXPLAIN` of each statement the registration check runs (kept in step with
  /// `PreFilingTables`), with the values it binds for the 太兴里 packet; the number of
  /// sequential scans.
  private func explain(_ schema: String, _ connection: BenchConnection) async throws -> Int {
    let id = try await connection.rows(
      "SELECT id::text FROM \(schema).prefiling WHERE number = 'YBA-370202-2026-000001'")[0][0]!
    let day = RegistryLookupBenchmark.asOf.description
    let statements = [
      "SELECT * FROM prefiling WHERE number = 'YBA-370202-2026-000001' OR submitted_receipt = 'YBA-370202-2026-000001'",
      "SELECT * FROM unit WHERE prefiling_id = \(id) ORDER BY rowid",
      """
      SELECT COUNT(*) FROM tenancy
      WHERE prefiling_id = \(id) AND unit_id = 'U-201' AND ended_on IS NULL AND term_end >= '\(day)' AND registered_on <= '\(day)'
        AND (bundle_number IS NULL OR bundle_number IS DISTINCT FROM NULL)
      """,
      "SELECT * FROM proof WHERE prefiling_id = \(id) ORDER BY rowid",
    ]
    let counts = try await connection.rows(
      "SELECT (SELECT count(*) FROM \(schema).prefiling)::text, (SELECT count(*) FROM \(schema).unit)::text, (SELECT count(*) FROM \(schema).tenancy)::text, (SELECT count(*) FROM \(schema).proof)::text")[0]
    print(
      "query plans in schema \(schema) (\(counts[0] ?? "?") pre-filings, \(counts[1] ?? "?") units, \(counts[2] ?? "?") tenancies, \(counts[3] ?? "?") proofs; after ANALYZE):"
    )
    try await connection.run("SET search_path TO \(schema)", [])
    var scans = 0
    for sql in statements {
      let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
      print("  \(oneLine)")
      for line in try await connection.rows("EXPLAIN " + sql).compactMap({ $0[0] }) {
        print("      \(line)")
        if line.contains("Seq Scan") { scans += 1 }
      }
    }
    try await connection.run("RESET search_path", [])
    return scans
  }
}
