import Foundation
import OneWindowTestSupport
import Testing

/// The pre-filing story through `onewindow`, as a clerk at the window runs it: receipts on
/// stdout, exit 0 accepted, 1 refused, 2 could not run, 64 usage.
struct RegistryCommandTests {
  private func database() throws -> String { try CommandRunner.newRegistry() }

  private func run(_ arguments: [String], db: String) throws -> CommandResult {
    try CommandRunner.run(arguments, environment: ["ONEWINDOW_DB": db])
  }

  /// A registry on either store: a new SQLite file, or a new PostgreSQL schema made with
  /// `registry init`.
  private func database(_ backend: StoreBackend) throws -> String {
    guard backend == .postgres else { return try database() }
    let url = try StoreBackend.freshPostgresRegistry()
    let made = try CommandRunner.run(["registry", "init", "--db", url, "--lang", "en"])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.hasPrefix("registry created: postgres://postgres@127.0.0.1:"))
    let again = try CommandRunner.run(["registry", "init", "--db", url, "--lang", "en"])
    #expect(again.stdout.hasPrefix("registry exists: postgres://"))
    return url
  }

  @Test(arguments: StoreBackend.allCases) func runsTheWholeStoryThroughTheCommandLine(_ backend: StoreBackend) throws {
    let db = try database(backend)
    let steps: [(arguments: [String], status: Int32, expect: String)] = [
      (["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], 0, "回执 RCPT-20260302-000001  2026-03-02T09:00:00+08:00"),
      (["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"], 0, "  办件: YBA-370202-2026-000001"),
      (["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08"], 0, "  少交材料: 3 件（共 4 件，75.0%）"),
      (["register", Taixingli.haiheU201, "--applicant", "91370202MA3U8N2W0C", "--as-of", "2026-04-15"], 0, "  结果: 通过 (ACCEPTED)"),
      (["register", Taixingli.qinyuU201, "--applicant", "91370202MA3UC4K704", "--as-of", "2026-04-22"], 0, "  结果: 通过 (ACCEPTED)"),
      (["register", Taixingli.shibeiU201, "--applicant", "91370203MA3QW8L492", "--as-of", "2026-05-06"], 1,
       "\(Taixingli.shibeiU201):10: error: [TR-004] 单元 U-201 可登记 3 户，已登记 3 户 (/TenantRegistration/UnitRef)"),
      (["prefile", "amend", Taixingli.addUnitU202, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-05-11"], 0, "  结果: 通过 (ACCEPTED)"),
      (["register", Taixingli.shibeiU202, "--applicant", "91370203MA3QW8L492", "--as-of", "2026-06-08"], 0, "  补正前回执: RCPT-20260506-000001"),
      (["prefile", "revoke", "YBA-370202-2026-000001", "--reason", "住所已不具备使用条件", "--clerk", "0231", "--as-of", "2026-09-01"], 0, "  结果: 通过 (ACCEPTED)"),
      (["register", Taixingli.newCompanyU102, "--clerk", "0232", "--as-of", "2026-09-10"], 1,
       "\(Taixingli.newCompanyU102):9: error: [TR-001] 住所预备案 YBA-370202-2026-000001 状态为“已撤销” (/TenantRegistration/PreFilingNumber)"),
    ]
    for step in steps {
      let result = try run(step.arguments, db: db)
      #expect(result.status == step.status, "\(step.arguments)")
      #expect(result.stdout.split(separator: "\n").contains { $0 == step.expect }, "\(step.arguments): \(result.stdout)")
      #expect(result.stderr.isEmpty)
    }
    let list = try run(["prefile", "list", "--as-of", "2026-09-10", "--format", "json"], db: db)
    #expect(list.status == 0)
    let summaries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
    #expect(summaries?.count == 1)
    #expect(summaries?.first?["status"] as? String == "REVOKED")
    #expect(summaries?.first?["occupied"] as? Int == 4)
    let show = try run(["prefile", "show", "YBA-370202-2026-000001", "--as-of", "2026-09-10", "--lang", "en"], db: db)
    #expect(show.stdout.hasPrefix("YBA-370202-2026-000001  revoked  version 2\n"))
    #expect(show.stdout.contains("  U-202  2 202  48.6㎡  Office  occupied 1/1\n"))
    // Chinese by default, code values by their labels.
    let chinese = try run(["prefile", "show", "YBA-370202-2026-000001", "--as-of", "2026-09-10"], db: db)
    #expect(chinese.stdout.hasPrefix("YBA-370202-2026-000001  已撤销  第 2 版\n"))
    #expect(chinese.stdout.contains("  U-202  2 202  48.6㎡  办公  已用 1/1\n"))
    let audit = try run(["audit", "verify", "--lang", "en"], db: db)
    #expect(audit.status == 0)
    #expect(audit.stdout.hasPrefix("audit log intact: 10 events, head #10 "))
  }

  /// `registry copy`: a file registry into PostgreSQL, both sides verified; never into a
  /// registry that holds anything.
  @Test func copiesAFileRegistryIntoPostgres() throws {
    let db = try database()
    for arguments in [
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"],
      ["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"],
      ["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08"],
    ] {
      #expect(try run(arguments, db: db).status == 0)
    }
    let target = try StoreBackend.freshPostgresRegistry()
    let copied = try CommandRunner.run(["registry", "copy", "--from", db, "--to", target, "--lang", "en"])
    #expect(copied.status == 0, "\(copied.stderr)")
    let lines = copied.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("  audit_event: 3"))
    #expect(lines.contains("  tenancy: 1"))
    #expect(lines.contains("source: audit log intact, 3 events, 3 receipts checked"))
    #expect(lines.contains("target: audit log intact, 3 events, 3 receipts checked"))
    let show = try CommandRunner.run(["prefile", "show", "YBA-370202-2026-000001", "--as-of", "2026-04-08", "--lang", "en", "--db", target])
    #expect(show.stdout.contains("  U-201  2 201  "), "\(show.stdout)")
    let again = try CommandRunner.run(["registry", "copy", "--from", db, "--to", target, "--lang", "en"])
    #expect(again.status == 2)
    #expect(again.stderr.contains("the target registry is not empty (it has packets or audit events); copy into a new one"))
  }

  /// The audit trail in words: actor, action and the detail's keys by their labels, track and
  /// kind codes by theirs, the state digest shortened; JSON keeps the codes.
  @Test func theAuditTrailSpeaksTheInterfaceLanguage() throws {
    let db = try CommandRunner.newRegistry()
    #expect(try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], db: db).status == 0)
    #expect(try run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"], db: db).status == 0)
    let chinese = try run(["audit", "trail", "YBA-370202-2026-000001"], db: db)
    #expect(chinese.status == 0)
    let line = try #require(chinese.stdout.split(separator: "\n").first.map(String.init))
    #expect(line.hasPrefix(
      "#2  2026-03-04T09:00:00+08:00  审批窗口工作人员 0231  预备案已通过  YBA-370202-2026-000001  "
        + "回执：RCPT-20260304-000001；提交回执：RCPT-20260302-000001；有效期：2026-03-04..2029-03-03；状态摘要："))
    #expect(line.hasSuffix("…"))
    let english = try run(["audit", "trail", "YBA-370202-2026-000001", "--lang", "en"], db: db)
    #expect(english.stdout.hasPrefix(
      "#2  2026-03-04T09:00:00+08:00  Clerk 0231  pre-filing approved  YBA-370202-2026-000001  "
        + "receipt: RCPT-20260304-000001; submission: RCPT-20260302-000001; valid: 2026-03-04..2029-03-03; state: "))
  }

  @Test func aKeptReceiptCatchesDeletedNewestEvents() throws {
    let db = try database()
    let receiptFile = (db as NSString).deletingLastPathComponent + "/approval.xml"
    _ = try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], db: db)
    let approve = try run(
      ["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04", "--format", "xml", "--receipt-out", receiptFile],
      db: db)
    #expect(approve.status == 0)
    #expect(approve.stdout == (try String(contentsOfFile: receiptFile, encoding: .utf8)))
    #expect(try run(["audit", "verify", "--receipt", receiptFile], db: db).status == 0)
    try dropNewest(in: db)
    // The state ledger sees the counter the deleted approval moved; the kept receipt names the event.
    let alone = try run(["audit", "verify", "--lang", "en"], db: db)
    #expect(alone.status == 1)
    #expect(alone.stdout.hasPrefix("audit:0: error: counter RCPT-20260304 was not made by any recorded event: added outside OneWindow\n"))
    let tampered = try run(["audit", "verify", "--receipt", receiptFile, "--lang", "en"], db: db)
    #expect(tampered.status == 1)
    #expect(tampered.stdout.contains("audit:2: error: receipt RCPT-20260304-000001 (\(receiptFile)) records event 2, which is no longer in the log\n"))
  }

  /// Deletes the newest audit event and its receipt with the sqlite3 library, as an intruder would.
  private func dropNewest(in db: String) throws {
    let script = """
      import sqlite3, sys
      c = sqlite3.connect(sys.argv[1])
      c.execute("DROP TRIGGER audit_event_no_delete")
      c.execute("DELETE FROM audit_event WHERE sequence = (SELECT MAX(sequence) FROM audit_event)")
      c.execute("DELETE FROM receipt WHERE audit_sequence = (SELECT MAX(audit_sequence) FROM receipt)")
      c.commit()
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, db]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test func usageErrorsExit64() throws {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-cli-\(UUID().uuidString)/registry.sqlite").path
    let noActor = try run(["prefile", "submit", Taixingli.preFiling], db: db)
    #expect(noActor.status == 64)
    #expect(noActor.stderr.hasPrefix("错误：请指定且只指定一个办理人：--clerk、--owner 或 --applicant。\n用法："))
    let noActorEnglish = try run(["prefile", "submit", Taixingli.preFiling, "--lang", "en"], db: db)
    #expect(noActorEnglish.stderr.hasPrefix("Error: Name exactly one actor: --clerk, --owner or --applicant.\nUsage: "))
    let twoActors = try run(["register", Taixingli.zhanqiaoU201, "--clerk", "0231", "--owner", "x"], db: db)
    #expect(twoActors.status == 64)
    let noDecision = try run(["prefile", "review", "RCPT-20260302-000001", "--clerk", "0231"], db: db)
    #expect(noDecision.status == 64)
    #expect(noDecision.stderr.hasPrefix("错误：请选择其一：--approve、--reject 理由 或 --request-correction 理由。\n"))
    let missing = try run(["register", "no/such/packet.xml", "--clerk", "0231"], db: db)
    #expect(missing.status == 2)
    #expect(FileManager.default.fileExists(atPath: db) == false)
  }

  @Test func anUnopenableRegistryExits2() throws {
    let result = try CommandRunner.run(
      ["prefile", "list", "--db", "/proc/onewindow/registry.sqlite"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("onewindow: 错误："))
  }

  @Test func validateReadsARegistryWithoutWritingIt() throws {
    let db = try database()
    _ = try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], db: db)
    _ = try run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"], db: db)
    let before = try Data(contentsOf: URL(fileURLWithPath: db))
    let result = try CommandRunner.run(["validate", Taixingli.zhanqiaoU201, "--db", db, "--as-of", "2026-04-08"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("[TR-"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    let missing = try CommandRunner.run(["validate", Taixingli.zhanqiaoU201, "--db", db + ".missing"])
    #expect(missing.status == 2)
    #expect(FileManager.default.fileExists(atPath: db + ".missing") == false)
  }
}
