import Foundation
import HTTPTypes
import OneWindowKit
import OneWindowServer
import OneWindowTestSupport
import Testing

/// Every endpoint as every persona, with the status the role table of PRODUCT.md gives each cell.
///
/// Allowed writes carry bodies the registry refuses (an unknown record, a packet of the wrong
/// kind), so an allowed cell is `422` with a receipt: past authorization, decided on content.
/// Records are read by their owner or applicant and by clerks; anyone else is told `404`, as if
/// the record did not exist.
@Suite struct AuthorizationMatrixTests {
  /// One endpoint: what to send and the status per persona, in `Persona.allCases` order:
  /// anonymous, owner, other owner, applicant, window clerk, reviewer, inspector, issuer, admin,
  /// entering clerk.
  struct Row: Sendable {
    var method: HTTPRequest.Method
    var path: String
    var body: String?
    var type = "application/xml"
    var expected: String
  }

  static let garbage = "<x/>"
  static let approve = #"{"decision":"APPROVE"}"#

  static func rows(_ records: ServiceFixture.Records) -> [Row] {
    [
      // Validation: any account.
      Row(method: .post, path: "/v1/validate", body: garbage, expected: "401 200 200 200 200 200 200 200 200 200"),
      // Pre-filings: the owner it names, or any clerk at the window.
      Row(method: .post, path: "/v1/prefilings", body: garbage, expected: "401 422 422 403 422 422 422 422 422 422"),
      Row(method: .post, path: "/v1/prefilings/amendments", body: garbage, expected: "401 422 422 403 422 422 422 422 422 422"),
      Row(method: .post, path: "/v1/prefilings/withdrawals", body: garbage, expected: "401 422 422 403 422 422 422 422 422 422"),
      // Review and revocation: reviewers.
      Row(method: .post, path: "/v1/prefilings/YBA-370202-2026-999999/review", body: approve, type: "application/json",
          expected: "401 403 403 403 403 422 403 403 403 422"),
      Row(method: .post, path: "/v1/prefilings/YBA-370202-2026-999999/revocation", body: #"{"reason":"测试"}"#,
          type: "application/json", expected: "401 403 403 403 403 422 403 403 403 422"),
      // Registrations and bundles: the applicant it names, or any clerk.
      Row(method: .post, path: "/v1/registrations", body: garbage, expected: "401 403 403 422 422 422 422 422 422 422"),
      Row(method: .post, path: "/v1/bundles", body: garbage, expected: "401 403 403 422 422 422 422 422 422 422"),
      Row(method: .post, path: "/v1/bundles/YJS-370202-2026-999999/tracks/food/decision", body: approve,
          type: "application/json", expected: "401 403 403 403 403 422 403 403 403 422"),
      // Objections to a simplified cancellation: reviewers.
      Row(method: .post, path: "/v1/bundles/YJS-370202-2026-999999/objection", body: #"{"department":"税务","reason":"欠税"}"#,
          type: "application/json", expected: "401 403 403 403 403 422 403 403 403 422"),
      // Issuance: issuers.
      Row(method: .post, path: "/v1/bundles/YJS-370202-2026-999999/issuance", expected: "401 403 403 403 403 403 403 422 403 403"),
      // Split and assemble: any account; they write nothing.
      Row(method: .post, path: "/v1/bundles/split", body: garbage, expected: "401 422 422 422 422 422 422 422 422 422"),
      Row(method: .post, path: "/v1/bundles/assemble", body: garbage, expected: "401 415 415 415 415 415 415 415 415 415"),
      // Lists: owners and applicants see their own.
      Row(method: .get, path: "/v1/prefilings", expected: "401 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/bundles", expected: "401 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/bundles/overdue", expected: "401 403 403 403 200 200 200 200 200 200"),
      // One record: its owner or applicant, any clerk.
      Row(method: .get, path: "/v1/prefilings/\(records.taixingli)", expected: "401 200 404 404 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/bundles/\(records.bundle)", expected: "401 404 404 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/receipts/\(records.taixingliReceipt)", expected: "401 200 404 404 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/receipts/\(records.taixingliReceipt)/packet", expected: "401 200 404 404 200 200 200 200 200 200"),
      // A tenant's registration is not its landlord's to read.
      Row(method: .get, path: "/v1/receipts/\(records.registrationReceipt)", expected: "401 404 404 404 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/receipts/\(records.bundleReceipt)", expected: "401 404 404 200 200 200 200 200 200 200"),
      // The audit log: clerks.
      Row(method: .get, path: "/v1/audit/verification", expected: "401 403 403 403 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/audit/trail/\(records.taixingli)", expected: "401 403 403 403 200 200 200 200 200 200"),
      // Public: anyone, no account.
      Row(method: .get, path: "/v1/public/places?subdistrict=370202001", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/public/licences/91370202MA3D8K2Q87", expected: "404 404 404 404 404 404 404 404 404 404"),
      Row(method: .get, path: "/v1/rules", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/rules/TR-004", expected: "200 200 200 200 200 200 200 200 200 200"),
      // Bundle definitions: anyone reads them; any clerk checks a new one (nothing is installed).
      Row(method: .get, path: "/v1/bundle-definitions", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/bundle-definitions/hotel", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .post, path: "/v1/bundle-definitions/check", body: garbage, expected: "401 403 403 403 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/calendar/days/2026-10-01", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/calendar/working-days?after=2026-04-01&through=2026-04-30",
          expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/calendar/due-dates?from=2026-04-22&workingDays=2", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/calendar/years/2026", expected: "200 200 200 200 200 200 200 200 200 200"),
      // The published figures: counts per centre and month, no person or record.
      Row(method: .get, path: "/v1/stats", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/openapi.yaml", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/healthz", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/readyz", expected: "200 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/metrics", expected: "200 200 200 200 200 200 200 200 200 200"),
      // Sessions and accounts.
      Row(method: .post, path: "/v1/sessions", body: #"{"username":"owner","password":"wrong password!"}"#, type: "application/json",
          expected: "401 401 401 401 401 401 401 401 401 401"),
      Row(method: .get, path: "/v1/sessions/current", expected: "401 200 200 200 200 200 200 200 200 200"),
      Row(method: .get, path: "/v1/accounts", expected: "401 403 403 403 403 403 403 403 200 403"),
      Row(method: .post, path: "/v1/accounts", body: #"{"username":"x1","kind":"CLERK","identity":"0999","name":"x","password":"short"}"#,
          type: "application/json", expected: "401 403 403 403 403 403 403 403 400 403"),
      Row(method: .post, path: "/v1/accounts/nobody/disable", expected: "401 403 403 403 403 403 403 403 404 403"),
      Row(method: .post, path: "/v1/accounts/nobody/enable", expected: "401 403 403 403 403 403 403 403 404 403"),
      Row(method: .post, path: "/v1/accounts/nobody/password", body: #"{"password":"short"}"#, type: "application/json",
          expected: "401 403 403 403 403 403 403 403 400 403"),
      // Replay mode's endpoints do not exist outside it.
      Row(method: .post, path: "/v1/replay/registries", body: "{}", type: "application/json", expected: "404 404 404 404 404 404 404 404 404 404"),
      Row(method: .delete, path: "/v1/replay/registries/abc", expected: "404 404 404 404 404 404 404 404 404 404"),
      // Signing out last: it ends each persona's session.
      Row(method: .delete, path: "/v1/sessions", expected: "401 204 204 204 204 204 204 204 204 204"),
    ]
  }

  @Test func everyEndpointAnswersEveryPersonaAsTheRoleTableSays() async throws {
    let fixture = try await ServiceFixture { $0.loginAttempts = 1000 }
    let mismatches = try await fixture.test { client in
      let records = try await ServiceFixture.populate(client)
      var mismatches: [String] = []
      for row in Self.rows(records) {
        let expected = row.expected.split(separator: " ").map { Int($0)! }
        #expect(expected.count == Persona.allCases.count, "\(row.path)")
        for (persona, status) in zip(Persona.allCases, expected) {
          let answer = try await client.send(row.method, row.path, as: persona, body: row.body.map { Array($0.utf8) }, type: row.type)
          if answer.status.code != status {
            mismatches.append("\(row.method) \(row.path) as \(persona): \(answer.status.code), expected \(status): \(answer.text.prefix(200))")
          }
          if answer.status.code >= 400 {
            #expect(answer.headers[.contentType] == "application/problem+json" || answer.headers[.contentType]?.hasPrefix("application/json") == true)
          }
        }
      }
      return mismatches
    }
    #expect(mismatches == [])
  }

  /// The matrix covers every route the service has (replay mode's included).
  @Test func theMatrixCoversEveryRoute() async throws {
    let fixture = try await ServiceFixture { $0.replayToken = "replay-token-for-tests" }
    let records = ServiceFixture.Records(
      taixingli: "{ref}", taixingliReceipt: "{number}", sanjiangli: "{ref}", registrationReceipt: "{number}", bundle: "{ref}",
      bundleReceipt: "{number}")
    let covered = Set(Self.rows(records).map { row in
      "\(row.method.rawValue) " + Self.template(row.path.split(separator: "?")[0])
    })
    let routes = Set(fixture.service.routes.map { route in
      let parts = route.split(separator: " ", maxSplits: 1)
      return "\(parts[0]) " + Self.template(parts[1])
    })
    #expect(routes.subtracting(covered).sorted() == [])
  }

  /// A path with every parameter (and every concrete value in its place) written `{}`.
  static func template(_ path: Substring) -> String {
    let concrete = ["YBA-", "YJS-", "RCPT-", "TR-", "2026", "nobody", "abc", "9137", "food", "hotel", "{"]
    return path.split(separator: "/", omittingEmptySubsequences: false).enumerated().map { index, part in
      index > 2 && concrete.contains { part.hasPrefix($0) } ? "{}" : String(part)
    }.joined(separator: "/")
  }
}
