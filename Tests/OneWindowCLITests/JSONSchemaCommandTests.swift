import Foundation
import OneWindowTestSupport
import Testing

/// Every JSON the command prints validates against its schema in `Schemas/json` (jsonschema,
/// draft 2020-12), taken from the built binary on a registry it made; and the schemas are strict
/// enough that a renamed key, a lower-case code or a count written as text fails.
struct JSONSchemaCommandTests {
  /// The outputs of one run, each under the schema it should validate against.
  struct Outputs {
    var db: String
    var documents: [JSONSchemas.Document] = []

    /// Runs `onewindow arguments…` on the registry and keeps its standard output.
    mutating func add(_ schema: String, _ label: String, _ arguments: [String], status: Int32 = 0, stdin: String? = nil) throws {
      let result = try CommandRunner.run(arguments, stdin: stdin.map { Array($0.utf8) }, environment: ["ONEWINDOW_DB": db])
      #expect(result.status == status, "\(arguments): \(result.stderr)")
      documents.append(JSONSchemas.Document(schema: schema, label: label, text: result.stdout))
    }

    /// Runs a command whose output is not JSON (setting up what the next ones show).
    func run(_ arguments: [String], stdin: String? = nil) throws {
      let result = try CommandRunner.run(arguments, stdin: stdin.map { Array($0.utf8) }, environment: ["ONEWINDOW_DB": db])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
  }

  @Test(.timeLimit(.minutes(3))) func everyJSONOutputValidatesAgainstItsSchema() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-json-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var out = Outputs(db: folder.appendingPathComponent("registry.sqlite").path)
    let json = ["--format", "json"]
    try out.add("registry-init", "created", ["registry", "init", "--db", out.db] + json)
    try out.add("registry-init", "existed", ["registry", "init", "--db", out.db] + json)

    try out.add("validation-report", "accepted", ["validate", Taixingli.preFiling] + json)
    try out.add("validation-report", "rejected", ["validate", "SampleFilings/invalid/prefiling/planned-use-unknown.xml"] + json, status: 1)
    try out.add("validation-report", "folder", ["validate", "SampleFilings/invalid/bundle"] + json, status: 1)

    try out.add("receipt", "preview", ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02", "--dry-run"] + json)
    try out.add("receipt", "prefile-submit", ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"] + json)
    try out.add("receipt", "prefile-review", ["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"] + json)
    try out.add("receipt", "sanjiangli-submit", ["prefile", "submit", TianShengJiXiang.sanjiangli, "--owner", "91370202MA3D8K2Q87", "--as-of", "2026-03-10"] + json)
    try out.add("receipt", "sanjiangli-review", ["prefile", "review", "RCPT-20260310-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-12"] + json)
    try out.add("receipt", "register-refused", ["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-03-20"] + json, status: 1)
    try out.add("receipt", "register", ["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08"] + json)
    try out.add("receipt", "bundle-submit", ["bundle", "submit", TianShengJiXiang.opening, "--applicant", TianShengJiXiang.operatorID, "--as-of", "2026-04-22"] + json)
    try out.add("receipt", "bundle-business", ["bundle", "decide", "YJS-370202-2026-000001", "--track", "business", "--approve", "--clerk", "0231", "--as-of", "2026-04-23"] + json)
    try out.add("receipt", "bundle-food", [
      "bundle", "decide", "YJS-370202-2026-000001", "--track", "food", "--approve", "--inspector", "0301", "--inspector", "0302",
      "--clerk", "0233", "--as-of", "2026-04-23",
    ] + json)
    try out.add("receipt", "bundle-issue", ["bundle", "issue", "YJS-370202-2026-000001", "--clerk", "0231", "--as-of", "2026-04-24"] + json)
    try out.add("receipt", "second-bundle", ["bundle", "submit", TianShengJiXiang.muzidawei, "--clerk", "0232", "--as-of", "2026-05-13"] + json)
    try out.add("receipt", "track-rejected", [
      "bundle", "decide", "YJS-370202-2026-000002", "--track", "business", "--reject", "字号与已登记名称近似", "--clerk", "0231", "--as-of", "2026-05-14",
    ] + json)

    try out.add("receipt", "prefile-amend", ["prefile", "amend", Taixingli.addUnitU202, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-05-14"] + json)
    try out.add("pre-filing-list", "all", ["prefile", "list", "--as-of", "2026-05-14"] + json)
    try out.add("pre-filing-detail", "taixingli", ["prefile", "show", Taixingli.number, "--as-of", "2026-05-14"] + json)
    try out.add("bundle-list", "all", ["bundle", "list"] + json)
    try out.add("bundle-detail", "issued", ["bundle", "show", "YJS-370202-2026-000001"] + json)
    try out.add("bundle-detail", "rejected", ["bundle", "show", "YJS-370202-2026-000002"] + json)
    try out.add("overdue-listing", "none", ["bundle", "overdue", "--as-of", "2026-04-24"] + json)
    try out.add("audit-verification", "intact", ["audit", "verify"] + json)
    try out.add("audit-trail", "bundle", ["audit", "trail", "YJS-370202-2026-000001"] + json)
    try out.add("audit-trail", "pre-filing", ["audit", "trail", Taixingli.number] + json)
    try out.add("receipt", "prefile-revoke", ["prefile", "revoke", Taixingli.number, "--reason", "产权证明失效; 另行办理", "--clerk", "0231", "--as-of", "2026-05-15"] + json)
    try out.add("statistics", "registry", ["stats", "--as-of", "2026-05-15"] + json)

    try out.run(["accounts", "bootstrap", "--staff-number", "0001", "--name", "管理员", "--bcrypt-cost", "4"])
    try out.run(
      ["accounts", "add", "owner1", "--kind", "OWNER", "--identity", "91370202MA3C5Y7R9D", "--name", "太兴里产权单位", "--password-stdin", "--bcrypt-cost", "4"],
      stdin: "correct horse battery staple\n")
    try out.add("account-list", "two", ["accounts", "list"] + json)

    try out.add("calendar-due-date", "forward", ["calendar", "add-working-days"] + json + ["2025-09-30", "3"])
    try out.add("calendar-day", "adjusted", ["calendar", "is-working-day"] + json + ["2026-01-04"])
    try out.add("calendar-day", "weekday", ["calendar", "is-working-day"] + json + ["2026-03-03"])
    try out.add("calendar-working-days", "october", ["calendar", "working-days"] + json + ["2025-09-30", "2025-10-31"])
    try out.add("calendar-year", "2026", ["calendar", "show"] + json + ["2026"])
    try out.add("rule-catalogue", "all", ["rules"] + json)
    try out.add("rule-catalogue", "one", ["rules", "FL-004"] + json)
    try out.add("bundle-definition-list", "shipped", ["bundle", "definitions"] + json)
    try out.add("bundle-definition-check", "installed", ["bundle", "definitions", "check", "Data/bundles/hotel.xml"] + json)

    let scenarios = ["SampleFilings/scenarios/05-unit-capacity.xml", "SampleFilings/scenarios/16-rule-change-semi-finished.xml"]
    try out.add("replay-run", "two", ["replay"] + scenarios + json)
    try out.add("rule-change-impact", "before-2023-12", ["replay"] + scenarios + ["--compare-rules-as-of", "2023-11-30"] + json)
    try out.add("statistics", "replay", ["stats", "--replay", "SampleFilings/scenarios/05-unit-capacity.xml"] + json)
    try out.add("assembly-report", "assembled", [
      "bundle", "assemble", "SampleFilings/valid/business/tianshengjixiang-business.xml", "SampleFilings/valid/food/tianshengjixiang-food.xml",
      "--out", folder.appendingPathComponent("opening.xml").path,
    ] + json)
    try out.add("assembly-report", "inconsistent", [
      "bundle", "assemble", "SampleFilings/pairs/fushunzhai-inconsistent.business.xml", "SampleFilings/pairs/fushunzhai-inconsistent.food.xml",
      "--out", folder.appendingPathComponent("never.xml").path,
    ] + json, status: 1)

    try out.add(
      "registry-copy", "into-postgres", ["registry", "copy", "--from", out.db, "--to", try StoreBackend.freshPostgresRegistry()] + json)

    #expect(try JSONSchemas.check(out.documents) == JSONSchemas.allValid(out.documents))
    // Every schema of a command's output is exercised; the others are the service's, and common.
    #expect(Set(out.documents.map(\.schema)).sorted() == [
      "account-list", "assembly-report", "audit-trail", "audit-verification", "bundle-definition-check", "bundle-definition-list",
      "bundle-detail", "bundle-list", "calendar-day",
      "calendar-due-date", "calendar-working-days", "calendar-year", "overdue-listing", "pre-filing-detail", "pre-filing-list",
      "receipt", "registry-copy", "registry-init", "replay-run", "rule-catalogue", "rule-change-impact", "statistics", "validation-report",
    ])
    // The outputs say what the runs did (the schemas alone would pass an empty list), and the
    // revocation's reason keeps its "; " in its details.
    let trail = try JSONSerialization.jsonObject(with: Data(try #require(out.documents.first { $0.label == "bundle" }).text.utf8)) as? [[String: Any]]
    #expect(trail?.map { $0["action"] as? String ?? "" } == [
      "bundle.accepted", "bundle.track-approved", "bundle.track-approved", "bundle.approved", "bundle.issued",
    ])
    let revocation = try CommandRunner.run(["audit", "trail", Taixingli.number] + json, environment: ["ONEWINDOW_DB": out.db])
    let events = try #require(try JSONSerialization.jsonObject(with: Data(revocation.stdout.utf8)) as? [[String: Any]])
    let details = try #require(events.last?["details"] as? [String: Any])
    #expect(details.keys.sorted() == ["reason", "receipt", "state"])
    #expect(details["reason"] as? String == "产权证明失效; 另行办理")
    #expect(details["receipt"] as? String == "RCPT-20260515-000001")
  }

  /// The check fails on drift: a key renamed, a code in lower case, a count as text, an audit
  /// detail key not in camelCase, an actor as one string.
  @Test func driftIsCaught() throws {
    let finding = #"{"category":"schema","location":{"file":"a.xml"},"message":{"en":"e","zh":"z"},"ruleID":"XSD-1840","severity":"ERROR","stage":"ACCEPTANCE"}"#
    let receipt = #"{"actorID":"0231","actorRole":"CLERK","auditHead":"h","auditSequence":2,"findings":[FINDING],"issuedAt":"2026-03-04T09:00:00+08:00","number":"RCPT-20260304-000001","operation":"prefile.review","outcome":"ACCEPTED","reasons":[]}"#
    let entry = #"{"action":"bundle.issued","actorID":"0231","actorRole":"CLERK","at":"2026-04-24T09:00:00+08:00","details":{DETAILS},"sequence":10,"subject":"YJS-370202-2026-000001"}"#
    let documents = [
      JSONSchemas.Document(schema: "receipt", label: "good", text: receipt.replacingOccurrences(of: "FINDING", with: finding)),
      JSONSchemas.Document(
        schema: "receipt", label: "rule-id",
        text: receipt.replacingOccurrences(of: "FINDING", with: finding.replacingOccurrences(of: "ruleID", with: "ruleId"))),
      JSONSchemas.Document(
        schema: "receipt", label: "severity",
        text: receipt.replacingOccurrences(of: "FINDING", with: finding.replacingOccurrences(of: "ERROR", with: "error"))),
      JSONSchemas.Document(
        schema: "receipt", label: "outcome", text: receipt.replacingOccurrences(of: "FINDING", with: "").replacingOccurrences(of: "ACCEPTED", with: "accepted")),
      JSONSchemas.Document(schema: "audit-entry", label: "good", text: entry.replacingOccurrences(of: "DETAILS", with: #""receipt":"RCPT-20260424-000001","workingDays":2"#)),
      JSONSchemas.Document(schema: "audit-entry", label: "kebab", text: entry.replacingOccurrences(of: "DETAILS", with: #""working-days":2"#)),
      JSONSchemas.Document(schema: "audit-entry", label: "text-count", text: entry.replacingOccurrences(of: "DETAILS", with: #""workingDays":"2""#)),
      JSONSchemas.Document(
        schema: "audit-entry", label: "actor",
        text: entry.replacingOccurrences(of: "DETAILS", with: "").replacingOccurrences(of: #""actorID":"0231","actorRole":"CLERK""#, with: #""actor":"clerk 0231""#)),
    ]
    #expect(try JSONSchemas.check(documents) == """
      audit-entry@actor.json: /: 'actorID' is a required property
      audit-entry@actor.json: /: 'actorRole' is a required property
      audit-entry@actor.json: /: Additional properties are not allowed ('actor' was unexpected)
      audit-entry@good.json: ok
      audit-entry@kebab.json: /details: 'working-days' does not match '^[a-z][A-Za-z0-9]*$'
      audit-entry@kebab.json: /details/working-days: 2 is not of type 'string'
      audit-entry@text-count.json: /details/workingDays: '2' is not of type 'integer'
      receipt@good.json: ok
      receipt@outcome.json: /outcome: 'accepted' is not one of ['ACCEPTED', 'REJECTED', 'COULD_NOT_RUN']
      receipt@rule-id.json: /findings/0: 'ruleID' is a required property
      receipt@rule-id.json: /findings/0: Additional properties are not allowed ('ruleId' was unexpected)
      receipt@severity.json: /findings/0/severity: 'error' is not one of ['ERROR', 'WARNING', 'INFO']

      """)
  }
}
