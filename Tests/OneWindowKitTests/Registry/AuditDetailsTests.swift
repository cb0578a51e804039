import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Audit details are stored and hashed as `k=v` text and shown to programs as named values.
struct AuditDetailsTests {
  typealias Value = AuditDetails.Value

  @Test func keysBecomeCamelCaseAndCountsNumbers() {
    let details = AuditDetails(
      parsing: "receipt=RCPT-20260424-000001; uscc=92370202MA0000015C; food=JY23702020000017; working-days=2; "
        + "account=reviewer; centre=370202001; request=7f3a; state=9c1e")
    #expect(details.values == [
      "receipt": .text("RCPT-20260424-000001"), "uscc": .text("92370202MA0000015C"), "food": .text("JY23702020000017"),
      "workingDays": .number(2), "account": .text("reviewer"), "centre": .text("370202001"), "request": .text("7f3a"),
      "state": .text("9c1e"),
    ])
  }

  @Test func provisionalValuesAndRemarks() {
    #expect(AuditDetails(parsing: "receipt=R; kind=OPENING; tracks=BUSINESS,FOOD; due=2027-01-05 (provisional)").values == [
      "receipt": .text("R"), "kind": .text("OPENING"), "tracks": .text("BUSINESS,FOOD"), "due": .text("2027-01-05"),
      "dueProvisional": .flag(true),
    ])
    #expect(AuditDetails(parsing: "receipt=R; track=FOOD; clock stopped").values == [
      "receipt": .text("R"), "track": .text("FOOD"), "note": .text("clock stopped"),
    ])
    #expect(AuditDetails(parsing: "department=税务局; simplified route ended; objection-until=2026-11-20").values == [
      "department": .text("税务局"), "note": .text("simplified route ended"), "objectionUntil": .text("2026-11-20"),
    ])
  }

  /// Free text keeps its `; `, and cannot overwrite a key written before it.
  @Test func freeTextStaysWhole() {
    #expect(AuditDetails(parsing: "receipt=R; reason=材料不全; 另需补件; receipt=FORGED; account=x").values == [
      "receipt": .text("R"), "reason": .text("材料不全; 另需补件"), "account": .text("x"),
    ])
    #expect(AuditDetails(parsing: "").values == [:])
    #expect(AuditDetails(parsing: "units=three; rows=12").values == ["units": .text("three"), "rows": .number(12)])
  }

  @Test func anEntryEncodesItsDetailsAsAnObjectAndDecodesBack() throws {
    let json = #"""
      {"action":"bundle.issued","actorID":"0231","actorRole":"CLERK","at":"2026-04-24T09:00:00+08:00",
       "details":{"receipt":"R","workingDays":2,"workingDaysProvisional":true},"sequence":10,"subject":"YJS-370202-2026-000001"}
      """#
    let entry = try JSONDecoder().decode(AuditEntry.self, from: Data(json.utf8))
    #expect(entry.actor == "clerk 0231")
    #expect(entry.detail == "receipt=R; workingDays=2; workingDaysProvisional=true")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    #expect(String(decoding: try encoder.encode(entry), as: UTF8.self) == json.replacingOccurrences(of: "\n ", with: ""))
  }
}
