import Foundation
public import OneWindowCore
import OneWindowStore
public import OneWindowValidation

/// What `audit verify` found.
public struct AuditVerification: Sendable, Hashable, Codable {
  /// One thing wrong with the registry.
  public struct Problem: Sendable, Hashable, Codable {
    /// What part of the registry it concerns.
    public enum Area: String, Sendable, Hashable, CodedInJSON {
      /// The file itself (SQLite's integrity check).
      case database
      /// The hash chain of events and the heads recorded on receipts.
      case chain
      /// Real time going backwards between events.
      case time
      /// A stored packet or attachment no longer matching its digest.
      case packet
      /// State tables not what the events recorded.
      case state
    }

    /// The event concerned (0 when none).
    public var sequence: Int64
    public var area: Area
    public var description: String
  }

  public var events: Int
  public var headSequence: Int64
  public var headHash: String
  /// Receipts whose recorded head was checked (from the registry and from files).
  public var receiptsChecked: Int
  /// SQLite's `integrity_check` answer ("ok" when sound).
  public var integrity: String
  /// Stored packets (and their attachments) re-hashed against their receipts.
  public var packetsChecked: Int
  /// Receipts whose packet was not stored (over the size limit): skipped, listed here.
  public var packetsNotStored: [String]
  /// Rows of the state tables compared with what the events recorded.
  public var stateRowsChecked: Int
  public var problems: [Problem]

  /// Nothing was altered, removed, reordered or damaged.
  public var isIntact: Bool { problems.isEmpty }
}

extension Registry {
  /// Verifies the registry, not only its log:
  /// - SQLite's integrity check of the file;
  /// - the audit chain: every event's hash recomputed, every link checked, every receipt's
  ///   recorded head (the registry's own and `receipts` kept outside it) still present, which
  ///   catches the newest events deleted;
  /// - real time: no event recorded before the one it follows;
  /// - every stored packet and attachment re-hashed against its stored digest and its receipt
  ///   (a receipt saying its bytes were not stored is skipped and listed);
  /// - the state tables (pre-filings, units, proofs, tenancies, bundles, tracks, licences, issued
  ///   numbers, counters) against the digests the events recorded, so a row changed, added or
  ///   deleted outside OneWindow is found.
  public func verifyAudit(receipts: [ReceiptChainHead] = []) async throws(OneWindowError) -> AuditVerification {
    let databaseCheckName = storeKind == "postgres" ? "PostgreSQL amcheck" : "SQLite integrity check"
    return try await read { transaction in
      var problems: [AuditVerification.Problem] = []
      func problem(_ area: AuditVerification.Problem.Area, _ sequence: Int64, _ text: String) {
        problems.append(AuditVerification.Problem(sequence: sequence, area: area, description: text))
      }
      let integrity = (try? transaction.integrityCheck()) ?? "the database could not be read"
      if integrity != "ok" { problem(.database, 0, "\(databaseCheckName): \(integrity)") }
      var events: [AuditEvent] = []
      var heads: [(String, AuditHead)] = []
      var receiptRows: [ReceiptRow] = []
      do {
        events = try transaction.auditEvents()
        receiptRows = try transaction.receipts()
        heads = receiptRows.map { ($0.number, AuditHead(sequence: $0.auditSequence, hash: $0.auditHead)) }
      } catch {
        problem(.database, 0, "the audit log could not be read: \(error)")
      }
      heads += receipts.map { ($0.receipt + " (\($0.source))", AuditHead(sequence: $0.sequence, hash: $0.hash)) }
      for found in AuditChain.verify(events: events, receiptHeads: heads) {
        problem(.chain, found.sequence, found.description)
      }
      var previous: AuditEvent?
      for event in events {
        if let earlier = previous?.recordedAt, let now = event.recordedAt, now < earlier {
          problem(.time, event.sequence, "event \(event.sequence) was recorded at \(now), before event \(event.sequence - 1) (\(earlier)): real time went backwards")
        }
        if event.recordedAt != nil { previous = event }
      }
      var packetsChecked = 0
      var notStored: [String] = []
      for row in receiptRows {
        let receipt = try? JSONDecoder().decode(Receipt.self, from: Data(row.body.utf8))
        guard let id = row.packetID else {
          if receipt?.packetStored == false { notStored.append(row.number) }
          continue
        }
        do {
          guard let stored = try transaction.packet(id: id) else {
            problem(.packet, row.auditSequence, "receipt \(row.number): its packet is missing")
            continue
          }
          packetsChecked += 1
          let digest = PacketIntake.sha256(stored.bytes)
          if digest != stored.sha256 || (receipt?.packetSHA256.map { $0 != digest } ?? false) {
            problem(.packet, row.auditSequence, "receipt \(row.number): the stored packet no longer matches its SHA-256")
          }
          for attachment in try transaction.attachmentDigests(packetID: id) where attachment.stored != attachment.actual {
            problem(.packet, row.auditSequence, "receipt \(row.number): attachment \(attachment.name) no longer matches its SHA-256")
          }
        } catch {
          problem(.packet, row.auditSequence, "receipt \(row.number): its packet could not be read: \(error)")
        }
      }
      var stateRows = 0
      do {
        stateRows = try transaction.stateRowCount()
        for found in try transaction.verifyState(events: events) {
          let sequence = found.sequence ?? 0
          switch found.kind {
          case .changed:
            problem(.state, sequence, "\(found.table) \(found.key) differs from what event \(sequence) recorded: changed outside OneWindow")
          case .deleted:
            problem(.state, sequence, "\(found.table) \(found.key), recorded by event \(sequence), is gone: deleted outside OneWindow")
          case .unrecorded:
            problem(.state, 0, "\(found.table) \(found.key) was not made by any recorded event: added outside OneWindow")
          case .recordsAltered:
            problem(.state, sequence, "the state records of event \(sequence) no longer match the digest it carries")
          }
        }
      } catch {
        problem(.state, 0, "the state tables could not be read: \(error)")
      }
      let head = events.last.map { AuditHead(sequence: $0.sequence, hash: $0.hash) } ?? .genesis
      return AuditVerification(
        events: events.count, headSequence: head.sequence, headHash: head.hash, receiptsChecked: heads.count,
        integrity: integrity, packetsChecked: packetsChecked, packetsNotStored: notStored, stateRowsChecked: stateRows,
        problems: problems.sorted { ($0.sequence, $0.area.rawValue, $0.description) < ($1.sequence, $1.area.rawValue, $1.description) })
    }
  }

  /// The audit events about one record (a pre-filing number, a receipt, a bundle), oldest first.
  public func auditTrail(subject: String) async throws(OneWindowError) -> [AuditEntry] {
    return try await read { transaction in try transaction.auditEvents(subject: subject).map(AuditEntry.init) }
  }
}

/// One audit event as shown to people and to programs.
///
/// JSON shows the actor as `actorRole` and `actorID` (as receipts do) and the detail as
/// `details`, an object of named values (``AuditDetails``); text shows ``detail`` as stored.
public struct AuditEntry: Sendable, Hashable, Codable {
  public var sequence: Int64
  /// The business time the event applies to.
  public var at: String
  /// The real time it was written (UTC); nil for events from before it was recorded.
  public var recordedAt: String?
  /// The actor's role code as recorded (`CLERK`, `OWNER`, `APPLICANT`, `SYSTEM`).
  public var actorRole: String
  public var actorID: String
  public var action: String
  public var subject: String
  /// The detail as the chain stores and hashes it (`receipt=…; track=FOOD; state=…`); for an
  /// entry decoded from JSON, rebuilt from its details (``AuditDetails/text``).
  public var detail: String

  init(_ event: AuditEvent) {
    sequence = event.sequence
    at = event.at
    recordedAt = event.recordedAt
    actorRole = event.actorRole
    actorID = event.actorID
    action = event.action
    subject = event.subject
    detail = event.detail
  }

  /// `clerk 0231`, as text reports print the actor.
  public var actor: String { "\(actorRole.lowercased()) \(actorID)" }

  /// The detail as named values.
  public var details: AuditDetails { AuditDetails(parsing: detail) }

  enum CodingKeys: String, CodingKey {
    case sequence, at, recordedAt, actorRole, actorID, action, subject, details
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    sequence = try container.decode(Int64.self, forKey: .sequence)
    at = try container.decode(String.self, forKey: .at)
    recordedAt = try container.decodeIfPresent(String.self, forKey: .recordedAt)
    actorRole = try container.decode(String.self, forKey: .actorRole)
    actorID = try container.decode(String.self, forKey: .actorID)
    action = try container.decode(String.self, forKey: .action)
    subject = try container.decode(String.self, forKey: .subject)
    detail = try container.decode(AuditDetails.self, forKey: .details).text
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(sequence, forKey: .sequence)
    try container.encode(at, forKey: .at)
    try container.encodeIfPresent(recordedAt, forKey: .recordedAt)
    try container.encode(actorRole, forKey: .actorRole)
    try container.encode(actorID, forKey: .actorID)
    try container.encode(action, forKey: .action)
    try container.encode(subject, forKey: .subject)
    try container.encode(details, forKey: .details)
  }
}
