import Foundation
import OneWindowCore
import OneWindowStore
public import OneWindowValidation

/// What `audit verify` found.
public struct AuditVerification: Sendable, Hashable, Codable {
  /// One thing wrong with the log.
  public struct Problem: Sendable, Hashable, Codable {
    public var sequence: Int64
    public var description: String
  }

  public var events: Int
  public var headSequence: Int64
  public var headHash: String
  /// Receipts whose recorded head was checked (from the registry and from files).
  public var receiptsChecked: Int
  public var problems: [Problem]

  /// No event was altered, removed or reordered.
  public var isIntact: Bool { problems.isEmpty }
}

extension Registry {
  /// Walks the audit log: every event's hash recomputed, every link to the event before it
  /// checked, and every receipt's recorded head (the registry's own receipts and `receipts` held
  /// outside it) still present, which catches the newest events deleted.
  public func verifyAudit(receipts: [ReceiptChainHead] = []) async throws(OneWindowError) -> AuditVerification {
    return try await read { transaction in
        let events = try transaction.auditEvents()
        var heads = try transaction.receipts().map { ($0.number, AuditHead(sequence: $0.auditSequence, hash: $0.auditHead)) }
        heads += receipts.map { ($0.receipt + " (\($0.source))", AuditHead(sequence: $0.sequence, hash: $0.hash)) }
        let problems = AuditChain.verify(events: events, receiptHeads: heads)
        let head = events.last.map { AuditHead(sequence: $0.sequence, hash: $0.hash) } ?? .genesis
        return AuditVerification(
          events: events.count, headSequence: head.sequence, headHash: head.hash, receiptsChecked: heads.count,
          problems: problems.map { AuditVerification.Problem(sequence: $0.sequence, description: $0.description) })
      }
  }

  /// The audit events about one record (a pre-filing number, a receipt, a bundle), oldest first.
  public func auditTrail(subject: String) async throws(OneWindowError) -> [AuditEntry] {
    return try await read { transaction in try transaction.auditEvents(subject: subject).map(AuditEntry.init) }
  }
}

/// One audit event as shown to people.
public struct AuditEntry: Sendable, Hashable, Codable {
  public var sequence: Int64
  public var at: String
  public var actor: String
  public var action: String
  public var subject: String
  public var detail: String

  init(_ event: AuditEvent) {
    sequence = event.sequence
    at = event.at
    actor = "\(event.actorRole.lowercased()) \(event.actorID)"
    action = event.action
    subject = event.subject
    detail = event.detail
  }
}
