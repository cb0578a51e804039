import Crypto
import Foundation
import OneWindowCore

/// The registry as seen inside one transaction. Not `Sendable`: it lives only inside
/// ``RegistryStore/write(_:)`` or ``RegistryStore/read(_:)``.
package struct RegistryTransaction {
  let db: any SQLSession

  // MARK: - Counters

  /// The next value of a named counter (1 for a new one), in this transaction.
  package func nextValue(_ counter: String) throws -> Int {
    // One statement: the increment and its result (a round trip saved on PostgreSQL).
    try Int.fetchOne(
      try db.cachedStatement(
        sql: "INSERT INTO counter(name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = counter.value + 1 RETURNING value"),
      arguments: [counter]) ?? 1
  }

  /// The value ``nextValue(_:)`` would return, without taking it.
  package func peekValue(_ counter: String) throws -> Int {
    (try Int.fetchOne(try db.cachedStatement(sql: "SELECT value FROM counter WHERE name = ?"), arguments: [counter]) ?? 0) + 1
  }

  // MARK: - Packets

  /// Stores a packet verbatim (with its attachments) and returns its row id.
  package func insertPacket(_ packet: StoredPacket) throws -> Int64 {
    try db.cachedStatement(
      sql: """
        INSERT INTO packet(sha256, family, root, source, size, bytes, received_at, operation, actor_role, actor_id, outcome)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [
        packet.sha256, packet.family, packet.root, packet.source, packet.bytes.count, Data(packet.bytes),
        packet.receivedAt, packet.operation, packet.actorRole, packet.actorID, packet.outcome,
      ])
    let id = try db.lastInsertedRowID
    for (name, bytes) in packet.attachments.sorted(by: { $0.key < $1.key }) {
      let digest = AuditChain.hex(SHA256.hash(data: bytes))
      try db.cachedStatement(
        sql: "INSERT INTO packet_attachment(packet_id, file_name, sha256, bytes) VALUES (?, ?, ?, ?)").execute(
        arguments: [id, name, digest, Data(bytes)])
    }
    return id
  }

  /// The stored bytes and SHA-256 of a packet.
  package func packet(id: Int64) throws -> (bytes: [UInt8], sha256: String)? {
    guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT bytes, sha256 FROM packet WHERE id = ?"), arguments: [id]) else {
      return nil
    }
    let data: Data = row["bytes"]
    return (Array(data), row["sha256"])
  }

  /// The receipt that accepted the same bytes for the same operation, if any.
  package func acceptingReceipt(sha256: String, operation: String) throws -> String? {
    try String.fetchOne(
      try db.cachedStatement(
      sql: """
        SELECT receipt.number FROM packet JOIN receipt ON receipt.packet_id = packet.id
        WHERE packet.sha256 = ? AND packet.operation = ? AND packet.outcome = 'accepted'
        ORDER BY packet.id LIMIT 1
        """),
      arguments: [sha256, operation])
  }

  /// Each attachment of a packet: its stored digest and the digest of its bytes now.
  package func attachmentDigests(packetID: Int64) throws -> [(name: String, stored: String, actual: String)] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT file_name, sha256, bytes FROM packet_attachment WHERE packet_id = ? ORDER BY file_name"),
      arguments: [packetID]
    ).map { row in
      let bytes: Data = row["bytes"]
      return (row["file_name"], row["sha256"], AuditChain.hex(SHA256.hash(data: bytes)))
    }
  }

  package func packetCount() throws -> Int {
    try Int.fetchOne(try db.cachedStatement(sql: "SELECT COUNT(*) FROM packet")) ?? 0
  }

  // MARK: - Receipts

  package func insertReceipt(_ receipt: ReceiptRow) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO receipt(number, issued_at, operation, actor_role, actor_id, packet_id, outcome, subject, due_on,
          saved_count, saved_percent, resubmits, body, audit_sequence, audit_head, document, recorded_at, business_date,
          backdated)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [
        receipt.number, receipt.issuedAt, receipt.operation, receipt.actorRole, receipt.actorID, receipt.packetID,
        receipt.outcome, receipt.subject, receipt.dueOn, receipt.savedCount, receipt.savedPercent,
        receipt.resubmits, receipt.body, receipt.auditSequence, receipt.auditHead, receipt.document,
        receipt.recordedAt, receipt.businessDate, receipt.backdated,
      ])
  }

  package func receipt(_ number: String) throws -> ReceiptRow? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM receipt WHERE number = ?"), arguments: [number]).map(Self.receipt)
  }

  package func receipts() throws -> [ReceiptRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM receipt ORDER BY audit_sequence, number")).map(Self.receipt)
  }

  /// The JSON bodies of one operation's receipts (`register`…), oldest first.
  package func receiptBodies(operation: String) throws -> [String] {
    try String.fetchAll(
      try db.cachedStatement(sql: "SELECT body FROM receipt WHERE operation = ? ORDER BY audit_sequence, number"),
      arguments: [operation])
  }

  static func receipt(_ row: Row) -> ReceiptRow {
    ReceiptRow(
      number: row["number"], issuedAt: row["issued_at"], operation: row["operation"], actorRole: row["actor_role"],
      actorID: row["actor_id"], packetID: row["packet_id"], outcome: row["outcome"], subject: row["subject"],
      dueOn: row["due_on"], savedCount: row["saved_count"], savedPercent: row["saved_percent"],
      resubmits: row["resubmits"], body: row["body"], auditSequence: row["audit_sequence"],
      auditHead: row["audit_head"], document: row["document"], recordedAt: row["recorded_at"],
      businessDate: row["business_date"], backdated: row["backdated"])
  }

  // MARK: - Audit log

  /// Appends an event chained to the previous one and returns the new head.
  ///
  /// - Parameter previous: the head the event follows, when the caller has just read it (or
  ///   appended it) in this transaction; read here otherwise.
  package func appendAudit(
    after previous: AuditHead? = nil, at: String, recordedAt: String?, actorRole: String, actorID: String,
    action: String, subject: String, detail: String
  ) throws -> AuditHead {
    let previous = try previous ?? auditHead()
    let sequence = previous.sequence + 1
    let hash = AuditChain.hash(
      sequence: sequence, at: at, recordedAt: recordedAt, actorRole: actorRole, actorID: actorID, action: action,
      subject: subject, detail: detail, previousHash: previous.hash)
    try db.cachedStatement(
      sql: """
        INSERT INTO audit_event(sequence, at, recorded_at, actor_role, actor_id, action, subject, detail, previous_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [sequence, at, recordedAt, actorRole, actorID, action, subject, detail, previous.hash, hash])
    return AuditHead(sequence: sequence, hash: hash)
  }

  /// The business time (`at`) of the newest event, if any.
  package func lastEventTime() throws -> String? {
    try String.fetchOne(try db.cachedStatement(sql: "SELECT at FROM audit_event ORDER BY sequence DESC LIMIT 1"))
  }

  /// The newest event's sequence and hash, or the genesis head of an empty log.
  package func auditHead() throws -> AuditHead {
    guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1"))
    else { return .genesis }
    return AuditHead(sequence: row["sequence"], hash: row["hash"])
  }

  package func auditEvents(subject: String? = nil) throws -> [AuditEvent] {
    let rows: [Row]
    if let subject {
      rows = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM audit_event WHERE subject = ? ORDER BY sequence"), arguments: [subject])
    } else {
      rows = try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM audit_event ORDER BY sequence"))
    }
    return rows.map { row in
      AuditEvent(
        sequence: row["sequence"], at: row["at"], recordedAt: row["recorded_at"], actorRole: row["actor_role"],
        actorID: row["actor_id"],
        action: row["action"], subject: row["subject"], detail: row["detail"], previousHash: row["previous_hash"],
        hash: row["hash"])
    }
  }

  /// The database's own consistency check: "ok", or what it found. SQLite: `PRAGMA
  /// integrity_check`. PostgreSQL: `amcheck`'s `bt_index_check` (with every heap tuple looked up)
  /// on each B-tree index of the registry's schema when the extension is installed (the store
  /// installs it when its user may), and every index valid and ready in `pg_index`.
  package func integrityCheck() throws -> String {
    switch db.dialect {
    case .sqlite:
      return try String.fetchAll(try db.cachedStatement(sql: "PRAGMA integrity_check")).joined(separator: "; ")
    case .postgres:
      let invalid = try String.fetchAll(
        db,
        sql: """
          SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready) ORDER BY 1
          """)
      var problems = invalid.map { "index \($0) is not valid" }
      let amcheck = try String.fetchOne(
        db,
        sql: "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'")
      // Without amcheck (a server where the registry's user may not create or call it), the
      // catalogue's own view of the indexes is what can be checked.
      let usable = try amcheck.map { home in
        try Bool.fetchOne(
          db, sql: "SELECT has_function_privilege(?, 'EXECUTE')",
          arguments: ["\(home).bt_index_check(regclass, boolean)"]) ?? false
      } ?? false
      guard let amcheck, usable else { return problems.isEmpty ? "ok" : problems.joined(separator: "; ") }
      let indexes = try String.fetchAll(
        db,
        sql: """
          SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam
          WHERE n.nspname = current_schema() AND a.amname = 'btree' AND i.indisvalid ORDER BY 1
          """)
      for index in indexes {
        // A failed check aborts only its savepoint: the rest of the verification still reads.
        try db.execute(sql: "SAVEPOINT amcheck", arguments: [])
        do {
          _ = try Row.fetchAll(
            db, sql: "SELECT \(amcheck).bt_index_check(CAST(? AS regclass), true)", arguments: [index])
          try db.execute(sql: "RELEASE SAVEPOINT amcheck", arguments: [])
        } catch {
          try db.execute(sql: "ROLLBACK TO SAVEPOINT amcheck", arguments: [])
          problems.append("index \(index): \(PostgresRegistry.classify(error, doing: "amcheck").description)")
        }
      }
      return problems.isEmpty ? "ok" : problems.joined(separator: "; ")
    }
  }

  /// The database server's clock, UTC, as recorded times are written (PostgreSQL: read under the
  /// registry's lock, so recorded times never go backwards across instances); nil on SQLite,
  /// where the process's clock is the only one.
  package func databaseTime() throws -> String? {
    guard db.dialect == .postgres else { return nil }
    if let taken = db.clockAtLock { return taken }
    return try String.fetchOne(
      db, sql: "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
  }
}

/// The hash chain of the audit log.
package enum AuditChain {
  /// SHA-256 over the event's fields and the previous event's hash.
  ///
  /// Events written before real times were recorded (`recordedAt` nil) hash as they always did.
  package static func hash(
    sequence: Int64, at: String, recordedAt: String? = nil, actorRole: String, actorID: String, action: String,
    subject: String, detail: String, previousHash: String
  ) -> String {
    let canonical = ([String(sequence), at, actorRole, actorID, action, subject, detail, previousHash] + (recordedAt.map { [$0] } ?? []))
      .map { field in
        // Most fields hold neither character; replacingOccurrences would give them back unchanged.
        guard field.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "|") }) else { return field }
        return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
      }
      .joined(separator: "|")
    return hex(SHA256.hash(data: Array(canonical.utf8)))
  }

  /// Lower-case hex of a digest.
  package static func hex(_ digest: some Sequence<UInt8>) -> String { Hex.string(digest) }

  /// What is wrong with a log, checked against the heads recorded on receipts.
  package struct Problem: Sendable, Hashable {
    package var sequence: Int64
    package var description: String
  }

  /// Walks the log from the start: sequences contiguous from 1, each previous hash the hash of the
  /// event before, each hash recomputable; then every receipt's recorded head must still be there,
  /// which catches the newest events deleted.
  package static func verify(events: [AuditEvent], receiptHeads: [(receipt: String, head: AuditHead)]) -> [Problem] {
    var problems: [Problem] = []
    var previous = AuditHead.genesis
    for event in events {
      if event.sequence != previous.sequence + 1 {
        problems.append(Problem(
          sequence: event.sequence,
          description: "events \(previous.sequence + 1)–\(event.sequence - 1) are missing"))
      }
      if event.previousHash != previous.hash && event.sequence == previous.sequence + 1 {
        problems.append(Problem(sequence: event.sequence, description: "event \(event.sequence) does not follow the event before it"))
      }
      let recomputed = hash(
        sequence: event.sequence, at: event.at, recordedAt: event.recordedAt, actorRole: event.actorRole,
        actorID: event.actorID,
        action: event.action, subject: event.subject, detail: event.detail, previousHash: event.previousHash)
      if recomputed != event.hash {
        problems.append(Problem(sequence: event.sequence, description: "event \(event.sequence) was altered"))
      }
      previous = AuditHead(sequence: event.sequence, hash: event.hash)
    }
    let bySequence = Dictionary(events.map { ($0.sequence, $0.hash) }, uniquingKeysWith: { first, _ in first })
    for (receipt, head) in receiptHeads where head.sequence > 0 {
      guard let hash = bySequence[head.sequence] else {
        problems.append(Problem(
          sequence: head.sequence,
          description: "receipt \(receipt) records event \(head.sequence), which is no longer in the log"))
        continue
      }
      if hash != head.hash {
        problems.append(Problem(
          sequence: head.sequence, description: "receipt \(receipt) records a different event \(head.sequence)"))
      }
    }
    return problems.sorted { ($0.sequence, $0.description) < ($1.sequence, $1.description) }
  }
}
