import Foundation
import HTTPTypes
import OneWindowKit
import OneWindowServer
import OneWindowTestSupport
import Testing

/// Every JSON body the service answers validates against the same schema in `Schemas/json` as the
/// command's output of the same thing (jsonschema, draft 2020-12).
@Suite struct JSONSchemaEndpointTests {
  /// Bodies collected under the schema each should validate against.
  struct Bodies {
    var documents: [JSONSchemas.Document] = []

    mutating func add(_ schema: String, _ label: String, _ answer: ServiceFixture.Answer, _ status: HTTPResponse.Status) {
      #expect(answer.status == status, "\(label): \(answer.text)")
      #expect(answer.headers[.contentType]?.hasPrefix(schema == "problem" ? "application/problem+json" : "application/json") == true, "\(label)")
      documents.append(JSONSchemas.Document(schema: schema, label: label, text: answer.text))
    }
  }

  @Test(.timeLimit(.minutes(3))) func everyJSONBodyValidatesAgainstItsSchema() async throws {
    let token = "replay-token-for-schema-tests"
    let fixture = try await ServiceFixture { $0.replayToken = token }
    let documents = try await fixture.test { client -> [JSONSchemas.Document] in
      var bodies = Bodies()
      let records = try await ServiceFixture.populate(client)
      bodies.add("validation-report", "accepted", try await client.send(.post, "/v1/validate", as: .window, sample: Taixingli.preFiling), .ok)
      bodies.add(
        "validation-report", "rejected",
        try await client.send(.post, "/v1/validate", as: .window, sample: "SampleFilings/invalid/prefiling/planned-use-unknown.xml"), .ok)
      bodies.add(
        "receipt", "refused",
        try await client.send(.post, "/v1/prefilings", as: .owner, sample: "SampleFilings/invalid/prefiling/planned-use-unknown.xml"),
        .unprocessableContent)
      bodies.add("receipt", "shown", try await client.send(.get, "/v1/receipts/\(records.bundleReceipt)", as: .applicant), .ok)
      bodies.add(
        "receipt", "food-approved",
        try await client.send(
          .post, "/v1/bundles/\(records.bundle)/tracks/food/decision", as: .entering,
          json: #"{"decision":"APPROVE","inspection":{"inspectedOn":"2026-04-22","inspectors":["0301","0302"],"result":"PASS"}}"#),
        .created)
      bodies.add(
        "receipt", "business-approved",
        try await client.send(.post, "/v1/bundles/\(records.bundle)/tracks/business/decision", as: .reviewer, json: #"{"decision":"APPROVE"}"#),
        .created)
      let issued = try await client.send(.post, "/v1/bundles/\(records.bundle)/issuance", as: .issuer)
      bodies.add("receipt", "issued", issued, .created)
      let uscc = try #require((issued.json["licences"] as? [String: Any])?["uscc"] as? String)

      bodies.add("pre-filing-list", "all", try await client.send(.get, "/v1/prefilings", as: .reviewer), .ok)
      bodies.add("pre-filing-detail", "taixingli", try await client.send(.get, "/v1/prefilings/\(records.taixingli)", as: .reviewer), .ok)
      bodies.add("bundle-list", "all", try await client.send(.get, "/v1/bundles", as: .reviewer), .ok)
      bodies.add("bundle-detail", "issued", try await client.send(.get, "/v1/bundles/\(records.bundle)", as: .applicant), .ok)
      bodies.add("overdue-listing", "none", try await client.send(.get, "/v1/bundles/overdue", as: .reviewer), .ok)
      let split = try await client.send(.post, "/v1/bundles/split", as: .window, sample: TianShengJiXiang.opening)
      bodies.add("bundle-split", "opening", split, .ok)
      let boundary = "schema-boundary"
      var body = ""
      for name in ["business", "food"] {
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(name).xml\"\r\n\r\n"
        body += (split.string(name) ?? "") + "\r\n"
      }
      body += "--\(boundary)--\r\n"
      bodies.add(
        "assembly", "assembled",
        try await client.send(.post, "/v1/bundles/assemble", as: .window, body: Array(body.utf8), type: "multipart/form-data; boundary=\(boundary)"),
        .ok)
      bodies.add("audit-verification", "intact", try await client.send(.get, "/v1/audit/verification", as: .reviewer), .ok)
      bodies.add("audit-trail", "bundle", try await client.send(.get, "/v1/audit/trail/\(records.bundle)", as: .reviewer), .ok)
      bodies.add("audit-trail", "pre-filing", try await client.send(.get, "/v1/audit/trail/\(records.taixingli)", as: .reviewer), .ok)

      bodies.add("free-place-list", "all", try await client.send(.get, "/v1/public/places", as: .anonymous), .ok)
      bodies.add("licence-status", "uscc", try await client.send(.get, "/v1/public/licences/\(uscc)", as: .anonymous), .ok)
      bodies.add("rule-catalogue", "all", try await client.send(.get, "/v1/rules", as: .anonymous), .ok)
      bodies.add("catalogue-entry", "fl-004", try await client.send(.get, "/v1/rules/FL-004", as: .anonymous), .ok)
      bodies.add("calendar-day", "adjusted", try await client.send(.get, "/v1/calendar/days/2026-01-04", as: .anonymous), .ok)
      bodies.add(
        "calendar-working-days", "october",
        try await client.send(.get, "/v1/calendar/working-days?after=2025-09-30&through=2025-10-31", as: .anonymous), .ok)
      bodies.add(
        "calendar-due-date", "forward", try await client.send(.get, "/v1/calendar/due-dates?from=2025-09-30&workingDays=3", as: .anonymous), .ok)
      bodies.add("calendar-year", "2026", try await client.send(.get, "/v1/calendar/years/2026", as: .anonymous), .ok)
      bodies.add("statistics", "figures", try await client.send(.get, "/v1/stats", as: .anonymous), .ok)

      bodies.add(
        "session", "signed-in",
        try await client.send(.post, "/v1/sessions", as: .anonymous, json: #"{"username":"admin","password":"\#(Persona.password)"}"#),
        .created)
      bodies.add("account", "current", try await client.send(.get, "/v1/sessions/current", as: .reviewer), .ok)
      bodies.add("account-list", "all", try await client.send(.get, "/v1/accounts", as: .admin), .ok)
      bodies.add(
        "replay-registry", "created",
        try await client.send(
          .post, "/v1/replay/registries", as: .anonymous, body: Array("{}".utf8), type: "application/json",
          headers: [.init("X-Replay-Token")!: token]),
        .created)

      bodies.add("problem", "unauthorized", try await client.send(.get, "/v1/accounts", as: .anonymous), .unauthorized)
      bodies.add("problem", "forbidden", try await client.send(.get, "/v1/accounts", as: .owner), .forbidden)
      bodies.add("problem", "not-found", try await client.send(.get, "/v1/rules/XX-999", as: .anonymous), .notFound)
      bodies.add("bundle-definition-list", "all", try await client.send(.get, "/v1/bundle-definitions", as: .anonymous), .ok)
      bodies.add("bundle-definition", "hotel", try await client.send(.get, "/v1/bundle-definitions/hotel", as: .anonymous), .ok)
      bodies.add(
        "bundle-definition-check", "not-valid",
        try await client.send(.post, "/v1/bundle-definitions/check", as: .reviewer, body: Array("<x/>".utf8)), .ok)
      bodies.add(
        "problem", "bad-request", try await client.send(.get, "/v1/calendar/due-dates?from=2025-09-30&workingDays=x", as: .anonymous), .badRequest)
      return bodies.documents
    }
    #expect(try JSONSchemas.check(documents) == JSONSchemas.allValid(documents))
    // Every schema of a JSON body is exercised; the others are the command's own, and common.
    #expect(Set(documents.map(\.schema)).sorted() == [
      "account", "account-list", "assembly", "audit-trail", "audit-verification", "bundle-definition", "bundle-definition-check",
      "bundle-definition-list", "bundle-detail", "bundle-list", "bundle-split",
      "calendar-day", "calendar-due-date", "calendar-working-days", "calendar-year", "catalogue-entry", "free-place-list",
      "licence-status", "overdue-listing", "pre-filing-detail", "pre-filing-list", "problem", "receipt", "replay-registry",
      "rule-catalogue", "session", "statistics", "validation-report",
    ])
  }

  /// The stems of the schemas: those of the commands' outputs, the service's bodies, and the
  /// parts they share; nothing else lies in `Schemas/json`.
  @Test func everySchemaFileIsAnOutputOrAPart() {
    #expect(JSONSchemas.stems == [
      "account", "account-list", "assembly", "assembly-report", "audit-entry", "audit-trail", "audit-verification",
      "bundle-definition", "bundle-definition-check", "bundle-definition-list", "bundle-detail", "bundle-list", "bundle-split", "bundle-summary", "calendar-day", "calendar-due-date", "calendar-working-days", "calendar-year",
      "catalogue-entry", "common", "finding", "free-place", "free-place-list", "licence-status", "localized-text", "overdue-listing",
      "packet-particulars", "pre-filing-detail", "pre-filing-list", "pre-filing-summary", "problem", "receipt", "registry-copy", "registry-init",
      "replay-registry", "replay-run", "rule-catalogue", "rule-change-impact", "session", "statistics", "validation-report",
    ])
  }
}
