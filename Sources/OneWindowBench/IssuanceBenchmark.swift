import Foundation
import GRDB
import OneWindowKit

/// Issued bundles per second with durable commits, against bare SQLite inserts of the same rows.
///
/// Each bundle goes the whole way through the registry API on a file store (WAL,
/// `synchronous=FULL`): submit (an opening of `SampleFilings/valid/bundle/muzidawei-opening.xml`
/// with its own `PacketId`), food track approved after an inspection, business track approved,
/// issued. That is four write transactions, each committed durably. The peer then inserts every
/// row those operations left in the database (packets, receipts, audit events, bundle, tracks,
/// versions, counters, issued numbers, licence) into a fresh store with the same schema and
/// pragmas, with prepared statements and the same number of commits. The ratio is the bare
/// inserts' time over the bundles' time: issued bundles/s ÷ bare bundles-worth-of-rows/s. The two
/// alternate bundle by bundle (a bundle, then its rows bare); a second peer commits the same rows
/// once per bundle, for information.
struct IssuanceBenchmark {
  let oneWindow: OneWindow
  let directory: String
  let samples: String
  let bundles: Int

  static let operator_ = "370203199008231423"

  func run() async throws {
    let path = directory + "/issuance.sqlite"
    let barePath = directory + "/issuance-bare.sqlite"
    let bareBundlePath = directory + "/issuance-bare-per-bundle.sqlite"
    for file in [path, barePath, bareBundlePath] {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
    let registry = try Registry(oneWindow: oneWindow, path: path, create: true)
    // The peers' stores: the same schema, indexes and triggers, made the same way.
    _ = try Registry(oneWindow: oneWindow, path: barePath, create: true)
    _ = try Registry(oneWindow: oneWindow, path: bareBundlePath, create: true)
    let bare = try Self.open(barePath)
    let bareBundle = try Self.open(bareBundlePath)
    defer {
      try? bare.close()
      try? bareBundle.close()
    }

    // Bundle by bundle: one bundle through OneWindow, then the rows it left inserted bare (with
    // as many commits, then in one commit), so both sides meet the same disk moments later; the
    // disk's fsync latency on a shared machine swings by ten times within minutes.
    var perStep = [Double](repeating: 0, count: 4)
    var totals = (real: 0.0, bare: 0.0, bareBundle: 0.0)
    var rowCount = 0
    var seen: [String: Int64] = [:]
    _ = try Self.rows(of: path, after: &seen)  // what the migrations left
    let packets = try Self.packets(samples: samples, count: bundles)
    for (number, packet) in packets {
      var steps = perStep
      totals.real += try await Timing.seconds { try await issueOne(number, packet: packet, registry: registry, perStep: &steps) }
      perStep = steps
      let rows = try Self.rows(of: path, after: &seen)
      rowCount += rows.reduce(0) { $0 + $1.values.count }
      totals.bare += try Self.insert(rows, into: bare, commits: 4)
      totals.bareBundle += try Self.insert(rows, into: bareBundle, commits: 1)
    }
    let settings = try Timing.now { try bare.read { db in
      (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
    } }

    // Rates over the same bundles: issued bundles/s ÷ bundles-worth of bare rows/s.
    let ratio = totals.bare / totals.real
    let bundleRatio = totals.bareBundle / totals.real
    let rate = Double(bundles) / totals.real
    print("issuance: \(bundles) bundles, each submit → food decision → business decision → issue (\(4 * bundles) durable commits)")
    print("  journal \(settings.0), synchronous \(settings.1 == 2 ? "FULL" : String(settings.1)); \(rowCount) rows left in the tables")
    print(
      "  per bundle: submit \(ms(perStep[0])) ms, food \(ms(perStep[1])) ms, business \(ms(perStep[2])) ms, issue \(ms(perStep[3])) ms")
    print("  OneWindow:                          \(Timing.format(rate, digits: 1)) issued bundles/s")
    print("  bare inserts, same commits:         \(Timing.format(Double(bundles) / totals.bare, digits: 1)) bundles-worth of rows/s → ratio \(Timing.format(ratio))")
    print("  bare inserts, one commit per bundle: \(Timing.format(Double(bundles) / totals.bareBundle, digits: 1)) bundles-worth of rows/s → ratio \(Timing.format(bundleRatio))")
    Timing.result("issuance.bundles", String(bundles))
    Timing.result("issuance.rows", String(rowCount))
    Timing.result("issuance.bundles_per_s", Timing.format(rate, digits: 2))
    Timing.result("issuance.bare_per_s", Timing.format(Double(bundles) / totals.bare, digits: 2))
    Timing.result("issuance.ratio", Timing.format(ratio, digits: 3))
    Timing.result("issuance.bare_one_commit_per_bundle_per_s", Timing.format(Double(bundles) / totals.bareBundle, digits: 2))
    Timing.result("issuance.ratio_one_commit_per_bundle", Timing.format(bundleRatio, digits: 3))
    for (name, seconds) in zip(["submit", "food", "business", "issue"], perStep) {
      Timing.result("issuance.\(name)_ms", ms(seconds))
    }
  }

  /// `count` openings made from `muzidawei-opening.xml`, each a shop of its own (one shop, one
  /// licence pair, BL-012): its own PacketId, 字号 (木滋 + three characters) and room, so issuance
  /// is measured, not a refusal.
  static func packets(samples: String, count: Int) throws -> [(Int, [UInt8])] {
    let template = try String(contentsOfFile: samples + "/valid/bundle/muzidawei-opening.xml", encoding: .utf8)
    let originalID = "<PacketId>BD-MZDW-2026-0001</PacketId>"
    guard template.contains(originalID) else { throw BenchError("the bundle sample has no \(originalID)") }
    let stems = Array("甲乙丙丁戊己庚辛壬癸")
    return (1...count).map { number in
      let suffix = String([stems[(number / 100) % 10], stems[(number / 10) % 10], stems[number % 10]])
      let text = template
        .replacingOccurrences(of: originalID, with: "<PacketId>BD-MZDW-2026-B\(String(format: "%06d", number))</PacketId>")
        .replacingOccurrences(of: "木滋嗒味", with: "木滋" + suffix)
        .replacingOccurrences(of: "<Room>101</Room>", with: "<Room>\(10_000 + number)</Room>")
      return (number, Array(text.utf8))
    }
  }

  /// One bundle the whole way: submitted, both tracks approved, issued.
  func issueOne(_ index: Int, packet: [UInt8], registry: Registry, perStep: inout [Double]) async throws {
    let submitDay = CivilDate(year: 2026, month: 5, day: 13)!
    let decideDay = CivilDate(year: 2026, month: 5, day: 14)!
    let issueDay = CivilDate(year: 2026, month: 5, day: 15)!
    var number = ""
    perStep[0] += try await Timing.seconds {
      let receipt = try await registry.submitBundle(
        PacketSource(displayName: "bundle-\(index).xml", kind: .memory(bytes: packet)),
        by: .applicant(Self.operator_), clock: .fixed(submitDay))
      try Self.expectAccepted(receipt, "submit")
      number = receipt.subject ?? ""
    }
    perStep[1] += try await Timing.seconds {
      try Self.expectAccepted(
        await registry.decideTrack(
          number, track: .food,
          decision: .approve(inspection: InspectionRecord(inspectedOn: decideDay, inspectors: ["0301", "0302"])),
          by: .clerk("0233"), clock: .fixed(decideDay)), "food decision")
    }
    perStep[2] += try await Timing.seconds {
      try Self.expectAccepted(
        await registry.decideTrack(number, track: .business, decision: .approve(), by: .clerk("0231"), clock: .fixed(decideDay)),
        "business decision")
    }
    perStep[3] += try await Timing.seconds {
      let receipt = try await registry.issueBundle(number, by: .clerk("0231"), clock: .fixed(issueDay))
      try Self.expectAccepted(receipt, "issue")
      guard receipt.licences?.uscc != nil else { throw BenchError("bundle \(number) was issued without a USCC") }
    }
  }

  private func ms(_ seconds: Double) -> String { Timing.format(seconds / Double(bundles) * 1000) }

  private static func expectAccepted(_ receipt: Receipt, _ step: String) throws {
    guard receipt.outcome == .accepted else {
      throw BenchError("\(step) was not accepted: \(receipt.findings.map { "\($0.ruleID) \($0.message.en)" })")
    }
  }

  /// Every row of every table, in creation order (so references come after what they refer to).
  struct TableRows {
    var name: String
    var columns: [String]
    var values: [[DatabaseValue]]
  }

  /// The rows added since `seen` (table → highest rowid already taken), which it then updates.
  static func rows(of path: String, after seen: inout [String: Int64]) throws -> [TableRows] {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    let previous = seen
    let (tables, highest) = try queue.read { db -> ([TableRows], [String: Int64]) in
      let names = try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name != 'grdb_migrations' ORDER BY rowid
          """)
      var highest: [String: Int64] = [:]
      let tables = try names.map { table in
        let columns = try db.columns(in: table).map(\.name)
        let rows = try Row.fetchAll(
          db, sql: "SELECT rowid AS _rowid_, * FROM \(table) WHERE rowid > ? ORDER BY rowid",
          arguments: [previous[table] ?? 0])
        highest[table] = rows.last.map { $0["_rowid_"] } ?? previous[table] ?? 0
        let values = rows.map { Array($0.databaseValues.dropFirst()) }
        return TableRows(name: table, columns: columns, values: values)
      }
      return (tables, highest)
    }
    seen = highest
    return tables
  }

  static func open(_ path: String) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    return try DatabaseQueue(path: path, configuration: configuration)
  }

  /// Inserts `rows` with prepared statements in `commits` transactions of equal size; the store
  /// is in WAL mode with `synchronous=FULL` and foreign keys on, as the registry opens its file.
  /// Returns the seconds taken.
  static func insert(_ rows: [TableRows], into queue: DatabaseQueue, commits: Int) throws -> Double {
    let flat = rows.flatMap { table in table.values.map { (table, $0) } }
    let perCommit = max(1, (flat.count + commits - 1) / commits)
    return try Timing.seconds {
      try queue.inDatabase { db in
        var statements: [String: Statement] = [:]
        for table in rows {
          let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
          statements[table.name] = try db.cachedStatement(
            sql: "INSERT INTO \(table.name)(\(table.columns.joined(separator: ", "))) VALUES (\(placeholders))")
        }
        var start = 0
        while start < flat.count {
          let end = min(flat.count, start + perCommit)
          try db.inTransaction {
            for (table, values) in flat[start..<end] {
              try statements[table.name]!.execute(arguments: StatementArguments(values))
            }
            return .commit
          }
          start = end
        }
      }
    }
  }
}
