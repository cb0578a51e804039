import Foundation
import GRDB
import OneWindowKit
import Synchronization

/// A tenant-registration check against a small registry and a large one.
///
/// Both stores hold the 太兴里 pre-filing (`YBA-370202-2026-000001`, filed and approved through
/// the real API) among filler pre-filings bulk-inserted beside it: the small store 1,000 units in
/// all, the large one 100,000 pre-filings and 1,000,000 units, with tenancies and proofs in
/// proportion. The check is what `onewindow validate --db` does for
/// `SampleFilings/valid/registration/taixingli-zhanqiao-media.xml`: schema, rules, and the
/// registry facts read in one read transaction. It runs alternately on the two stores, in
/// blocks, and the ratio of the medians is the result; the registry part alone is timed through
/// a ``RegistryLookup`` wrapper.
struct RegistryLookupBenchmark {
  let oneWindow: OneWindow
  let directory: String
  let samples: String
  let repeats: Int
  let smallUnits: Int
  let largePreFilings: Int
  let largeUnits: Int
  let rebuild: Bool

  static let asOf = CivilDate(year: 2026, month: 4, day: 8)!
  static let registration = "valid/registration/taixingli-zhanqiao-media.xml"

  func run() async throws {
    let small = directory + "/registry-1k-units.sqlite"
    let large = directory + "/registry-1m-units.sqlite"
    let smallPreFilings = max(1, smallUnits / 10)
    try await prepare(small, preFilings: smallPreFilings, units: smallUnits)
    try await prepare(large, preFilings: largePreFilings, units: largeUnits)
    try explain(large)

    let timed = try Self.measure(
      oneWindow: oneWindow, samples: samples, repeats: repeats,
      registries: [small, large].map { try Registry(oneWindow: oneWindow, path: $0, readOnly: true) })
    let (block, checkMedian, lookupMedian) = (timed.block, timed.check, timed.lookup)
    print(
      "registration check, \(block * 20) runs per store in 20 alternating blocks (median of block means):")
    print("  1,000 units:            check \(Timing.format(checkMedian[0], digits: 1)) µs, registry lookup \(Timing.format(lookupMedian[0], digits: 1)) µs")
    print("  1,000,000 units:        check \(Timing.format(checkMedian[1], digits: 1)) µs, registry lookup \(Timing.format(lookupMedian[1], digits: 1)) µs")
    print("  ratio large/small:      check \(Timing.format(checkMedian[1] / checkMedian[0]))×, registry lookup \(Timing.format(lookupMedian[1] / lookupMedian[0]))×")
    Timing.result("lookup.small_check_us", Timing.format(checkMedian[0], digits: 1))
    Timing.result("lookup.large_check_us", Timing.format(checkMedian[1], digits: 1))
    Timing.result("lookup.small_facts_us", Timing.format(lookupMedian[0], digits: 1))
    Timing.result("lookup.large_facts_us", Timing.format(lookupMedian[1], digits: 1))
    Timing.result("lookup.check_ratio", Timing.format(checkMedian[1] / checkMedian[0], digits: 3))
    Timing.result("lookup.facts_ratio", Timing.format(lookupMedian[1] / lookupMedian[0], digits: 3))
  }

  /// The registration check on each registry (small first, large second), alternately in 20
  /// blocks: the runs per block and, per registry, the median of the block means of the whole
  /// check and of its registry part (µs). The packet must be accepted with the registry rules
  /// evaluated (no "not evaluated" info) on each, or it throws. Shared by the PostgreSQL benchmark.
  static func measure(oneWindow: OneWindow, samples: String, repeats: Int, registries: [Registry]) throws -> (
    block: Int, check: [Double], lookup: [Double]
  ) {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: samples + "/" + registration)))
    let stores = registries.map(TimedLookup.init(registry:))
    func check(_ store: TimedLookup) -> PacketReport {
      let options = ValidationOptions(computeHashes: false, asOf: asOf, registry: store)
      return oneWindow.validate(bytes: bytes, name: "taixingli-zhanqiao-media.xml", options: options)
    }
    for store in stores {
      let report = check(store)
      let notEvaluated = report.findings.contains { $0.message.en.hasPrefix("not evaluated") }
      guard report.outcome == .accepted, !notEvaluated else {
        throw BenchError(
          "the registration check was not accepted: \(report.findings.map { "\($0.ruleID) \($0.message.en)" })")
      }
    }
    let block = max(1, repeats / 20)
    var checkTimes = Array(repeating: [Double](), count: stores.count)
    var lookupTimes = Array(repeating: [Double](), count: stores.count)
    for _ in 0..<20 {
      for (index, store) in stores.enumerated() {
        store.reset()
        let seconds = Timing.seconds {
          for _ in 0..<block { _ = check(store) }
        }
        checkTimes[index].append(seconds / Double(block) * 1e6)
        lookupTimes[index].append(store.total / Double(block) * 1e6)
      }
    }
    return (block, checkTimes.map(Timing.median), lookupTimes.map(Timing.median))
  }

  // MARK: - Building the stores

  /// Builds the store unless it is already there with the expected counts.
  private func prepare(_ path: String, preFilings: Int, units: Int) async throws {
    if !rebuild, FileManager.default.fileExists(atPath: path) {
      // Opening it for writing applies any newer migration (an index added later, say).
      _ = try Registry(oneWindow: oneWindow, path: path, create: true)
      let queue = try DatabaseQueue(path: path)
      let counts = try Timing.now { try queue.read { db in
        (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM prefiling") ?? 0,
         try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0)
      } }
      try queue.close()
      if counts == (preFilings, units) {
        print("using \(path): \(preFilings) pre-filings, \(units) units")
        return
      }
    }
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let seconds = try await Timing.seconds { try await build(path, preFilings: preFilings, units: units) }
    print("built \(path): \(preFilings) pre-filings, \(units) units in \(Timing.format(seconds, digits: 1)) s")
  }

  /// The 太兴里 pre-filing through the real API, then fillers copied from its rows in bulk.
  private func build(_ path: String, preFilings: Int, units: Int) async throws {
    let registry = try Registry(oneWindow: oneWindow, path: path, create: true)
    let owner = Actor.owner("91370202MA3C5Y7R9D")
    let submitted = try await registry.submitPreFiling(
      PacketSource(
        displayName: "taixingli.xml", kind: .file(path: samples + "/valid/prefiling/taixingli.xml")),
      by: owner, clock: .fixed(CivilDate(year: 2026, month: 3, day: 2)!))
    let approved = try await registry.reviewPreFiling(
      submitted.number, decision: .approve(), by: .clerk("0231"),
      clock: .fixed(CivilDate(year: 2026, month: 3, day: 4)!))
    guard approved.outcome == .accepted, approved.subject == "YBA-370202-2026-000001" else {
      throw BenchError("the 太兴里 pre-filing was not approved: \(approved.findings.map(\.ruleID))")
    }

    var configuration = Configuration()
    configuration.prepareDatabase { db in
      // A throwaway bulk load: durability does not matter while building.
      try db.execute(sql: "PRAGMA synchronous = OFF")
    }
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try Timing.now { try queue.write { db in
      let template = try Row.fetchOne(db, sql: "SELECT * FROM prefiling WHERE number = 'YBA-370202-2026-000001'")!
      let templateID: Int64 = template["id"]
      let templateUnits = try Row.fetchAll(
        db, sql: "SELECT * FROM unit WHERE prefiling_id = ? ORDER BY rowid", arguments: [templateID])
      let templateProofs = try Row.fetchAll(
        db, sql: "SELECT * FROM proof WHERE prefiling_id = ? ORDER BY rowid", arguments: [templateID])
      let fillers = preFilings - 1
      let fillerUnits = units - templateUnits.count
      guard fillers > 0, fillerUnits >= fillers else { return }

      let insertPreFiling = try db.makeStatement(
        sql: """
          INSERT INTO prefiling(number, status, owner_name, owner_identity, premises_name, address, multi_licence_mode,
            building_materials, valid_from, valid_until, version, submitted_receipt, submitted_by_role, submitted_by_id,
            decided_by, reason, updated_at)
          SELECT ?, status, owner_name, owner_identity, ?, address || ?, multi_licence_mode, building_materials,
            valid_from, valid_until, version, ?, submitted_by_role, submitted_by_id, decided_by, reason, updated_at
          FROM prefiling WHERE id = ?
          """)
      let insertUnit = try db.makeStatement(
        sql: """
          INSERT INTO unit(prefiling_id, unit_id, floor, room, area, planned_use, capacity, features, has_consent,
            proof_materials, added_in, retired_in)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
          """)
      let insertProof = try db.makeStatement(
        sql: """
          INSERT INTO proof(prefiling_id, proof_id, type, number, planned_use, covers, material_file, added_in, replaced_in)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
          """)
      let insertTenancy = try db.makeStatement(
        sql: """
          INSERT INTO tenancy(prefiling_id, unit_id, tenant_name, tenant_identity, activity, term_start, term_end,
            registered_on, receipt_number, bundle_number, ended_on)
          VALUES (?, ?, ?, NULL, 'OFFICE', '2026-01-01', '2028-12-31', '2026-01-05', ?, NULL, NULL)
          """)
      var unitsLeft = fillerUnits
      for filler in 0..<fillers {
        // Sequence 000002 onward in 2026 (the real counter's next number stays free for 2025).
        let sequence = filler + 2
        let year = sequence <= 999_999 ? 2026 : 2025
        let number = "YBA-370202-\(year)-\(String(format: "%06d", sequence % 1_000_000))"
        let receipt = "RCPT-20260101-\(String(format: "%06d", sequence % 1_000_000))-\(year)"
        try insertPreFiling.execute(
          arguments: [number, "楼宇\(sequence)", "\(sequence)号", receipt, templateID])
        let id = db.lastInsertedRowID
        let count = unitsLeft / (fillers - filler)
        unitsLeft -= count
        for unit in 0..<count {
          let base = templateUnits[unit % templateUnits.count]
          let floor = unit / 10 + 1
          let room = "\(floor)\(String(format: "%02d", unit % 10 + 1))"
          let unitID = "U-\(room)"
          let plannedUse: String = base["planned_use"]
          let capacity: Int = base["capacity"]
          let features: String = base["features"]
          let area: Double = base["area"]
          let hasConsent: Bool = base["has_consent"]
          let proofMaterials: Int = base["proof_materials"]
          try insertUnit.execute(
            arguments: [id, unitID, String(floor), room, area, plannedUse, capacity, features, hasConsent, proofMaterials, 1])
          // About one tenancy in five units, as in a building that is filling up.
          if unit % 5 == 0 {
            try insertTenancy.execute(arguments: [id, unitID, "租户\(sequence)-\(room)", receipt])
          }
        }
        for proof in templateProofs {
          let proofID: String = proof["proof_id"]
          let type: String = proof["type"]
          let proofNumber: String = proof["number"]
          let plannedUse: String = proof["planned_use"]
          let covers: String = proof["covers"]
          let file: String = proof["material_file"]
          try insertProof.execute(arguments: [id, proofID, type, "\(proofNumber)-\(sequence)", plannedUse, covers, file, 1])
        }
      }
      try db.execute(sql: "ANALYZE")
    } }
    try Timing.now { try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } }
    try queue.close()
  }

  // MARK: - Query plans

  /// `EXPLAIN QUERY PLAN` of the statements the registration check runs (kept in step with
  /// `RegistryTransaction`); a full scan of a large table is reported.
  private func explain(_ path: String) throws {
    let statements = [
      "SELECT * FROM prefiling WHERE number = ? OR submitted_receipt = ?",
      "SELECT * FROM unit WHERE prefiling_id = ? ORDER BY rowid",
      """
      SELECT COUNT(*) FROM tenancy
      WHERE prefiling_id = ? AND unit_id = ? AND ended_on IS NULL AND term_end >= ? AND registered_on <= ?
        AND (bundle_number IS NULL OR bundle_number IS NOT ?)
      """,
      "SELECT * FROM proof WHERE prefiling_id = ? ORDER BY rowid",
      "SELECT * FROM receipt WHERE number = ?",
      "SELECT * FROM licence WHERE uscc = ?",
    ]
    let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
    var scans = 0
    print("query plans in \(path):")
    try queue.read { db in
      for sql in statements {
        let nulls = StatementArguments(Array(repeating: DatabaseValue.null, count: sql.count { $0 == "?" }))
        let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: nulls)
          .map { row -> String in row["detail"] }
        let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
          .joined(separator: " ")
        print("  \(oneLine.prefix(70))…")
        for step in plan {
          print("      \(step)")
          if step.hasPrefix("SCAN") { scans += 1 }
        }
      }
    }
    try queue.close()
    Timing.result("lookup.full_scans", String(scans))
  }
}

/// The registry as `validate --db` uses it, timing every facts lookup.
final class TimedLookup: RegistryLookup {
  let registry: Registry
  private let seconds = Mutex<Double>(0)

  init(registry: Registry) { self.registry = registry }

  var total: Double { seconds.withLock { $0 } }
  func reset() { seconds.withLock { $0 = 0 } }

  func facts(for packet: Packet, asOf: CivilDate) throws(OneWindowError) -> RegistryFacts {
    let start = ContinuousClock.now
    defer {
      let elapsed = ContinuousClock.now - start
      let value = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      seconds.withLock { $0 += value }
    }
    return try registry.facts(for: packet, asOf: asOf)
  }

  func findings(ofReceipt number: String) -> [Finding]? { registry.findings(ofReceipt: number) }
}
