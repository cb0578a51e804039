import GRDB
@testable import OneWindowStore
import Testing

/// The hash chain: recomputed hashes, links, gaps, and heads recorded on receipts.
struct AuditChainTests {
  /// Three chained events as the store would write them.
  private func chain(_ count: Int = 3) -> [AuditEvent] {
    var events: [AuditEvent] = []
    var previous = AuditHead.genesis
    for sequence in 1...Int64(count) {
      let detail = "receipt=RCPT-20260302-00000\(sequence)"
      let hash = AuditChain.hash(
        sequence: sequence, at: "2026-03-02T09:00:00+08:00", actorRole: "OWNER", actorID: "91370202MA3C5Y7R9D",
        action: "prefiling.submitted", subject: "RCPT-20260302-00000\(sequence)", detail: detail, previousHash: previous.hash)
      events.append(AuditEvent(
        sequence: sequence, at: "2026-03-02T09:00:00+08:00", actorRole: "OWNER", actorID: "91370202MA3C5Y7R9D",
        action: "prefiling.submitted", subject: "RCPT-20260302-00000\(sequence)", detail: detail,
        previousHash: previous.hash, hash: hash))
      previous = AuditHead(sequence: sequence, hash: hash)
    }
    return events
  }

  private func heads(_ events: [AuditEvent]) -> [(receipt: String, head: AuditHead)] {
    events.map { ("RCPT-\($0.sequence)", AuditHead(sequence: $0.sequence, hash: $0.hash)) }
  }

  @Test func anUntouchedChainHasNoProblems() {
    let events = chain()
    #expect(AuditChain.verify(events: events, receiptHeads: heads(events)).isEmpty)
  }

  @Test func anEditedFieldIsReportedAtItsEvent() {
    var events = chain()
    let receipts = heads(events)
    events[1].detail = "receipt=RCPT-20260302-000009"
    #expect(AuditChain.verify(events: events, receiptHeads: receipts).map(\.description) == ["event 2 was altered"])
  }

  @Test func aRehashedEditBreaksTheNextLink() {
    var events = chain()
    events[1].actorID = "0231"
    events[1].hash = AuditChain.hash(
      sequence: 2, at: events[1].at, actorRole: events[1].actorRole, actorID: "0231", action: events[1].action,
      subject: events[1].subject, detail: events[1].detail, previousHash: events[1].previousHash)
    let problems = AuditChain.verify(events: events, receiptHeads: [])
    #expect(problems.map(\.description) == ["event 3 does not follow the event before it"])
  }

  @Test func aDeletedMiddleEventIsAGap() {
    var events = chain()
    let receipts = heads(events)
    events.remove(at: 1)
    #expect(AuditChain.verify(events: events, receiptHeads: receipts).map(\.description) == [
      "receipt RCPT-2 records event 2, which is no longer in the log",
      "events 2–2 are missing",
    ])
  }

  @Test func deletedNewestEventsAreCaughtOnlyByAReceiptHead() {
    let events = chain()
    let kept = Array(events.prefix(1))
    #expect(AuditChain.verify(events: kept, receiptHeads: []).isEmpty)
    #expect(AuditChain.verify(events: kept, receiptHeads: [("RCPT-3", AuditHead(sequence: 3, hash: events[2].hash))]).map(\.description) == [
      "receipt RCPT-3 records event 3, which is no longer in the log"
    ])
  }

  @Test func theStoreRefusesToUpdateOrDeleteEvents() throws {
    let store = try RegistryStore(location: .memory)
    let head = try store.writeNow { transaction in
      try transaction.appendAudit(at: "t", recordedAt: nil, actorRole: "SYSTEM", actorID: "onewindow", action: "a", subject: "s", detail: "d")
    }
    #expect(head.sequence == 1)
    #expect(throws: StoreError.self) {
      try store.writeNow { transaction in try transaction.db.execute(sql: "UPDATE audit_event SET detail = 'x'") }
    }
    #expect(throws: StoreError.self) {
      try store.writeNow { transaction in try transaction.db.execute(sql: "DELETE FROM audit_event") }
    }
    #expect(try store.readNow { try $0.auditEvents() }.map(\.detail) == ["d"])
  }
}
