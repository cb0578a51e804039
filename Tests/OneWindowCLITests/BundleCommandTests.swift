import Foundation
import OneWindowTestSupport
import Testing

/// The 天晟吉祥 story through `onewindow bundle …`: opening, 冷食类 change, cancellation, with
/// receipts, due dates, certificates, the issuance packets and the audit log.
struct BundleCommandTests {
  private func folder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-bundle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }

  private func run(_ arguments: [String], db: String) throws -> CommandResult {
    try CommandRunner.run(arguments, environment: ["ONEWINDOW_DB": db])
  }

  private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func tianShengJiXiangOpensChangesAndClosesThroughTheCommandLine() throws {
    let work = try folder()
    let db = try CommandRunner.newRegistry()
    let setup: [[String]] = [
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"],
      ["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"],
      ["prefile", "submit", TianShengJiXiang.sanjiangli, "--owner", "91370202MA3D8K2Q87", "--as-of", "2026-03-10"],
      ["prefile", "review", "RCPT-20260310-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-12"],
    ]
    for arguments in setup { #expect(try run(arguments, db: db).status == 0, "\(arguments)") }

    let submit = try run(["bundle", "submit", TianShengJiXiang.opening, "--applicant", TianShengJiXiang.operatorID, "--as-of", "2026-04-22"], db: db)
    #expect(submit.status == 0)
    #expect(submit.stdout.contains("  办件: YJS-370202-2026-000001\n"))
    #expect(submit.stdout.contains("  承诺办结日: 2026-04-24\n"))

    let early = try run(["bundle", "issue", "YJS-370202-2026-000001", "--clerk", "0231", "--as-of", "2026-04-23"], db: db)
    #expect(early.status == 1)
    #expect(early.stdout.contains("error: [RG-003]"))

    let decisions: [[String]] = [
      ["bundle", "decide", "YJS-370202-2026-000001", "--track", "business", "--approve", "--clerk", "0231", "--as-of", "2026-04-23"],
      ["bundle", "decide", "YJS-370202-2026-000001", "--track", "food", "--approve", "--inspector", "0301", "--inspector", "0302",
       "--clerk", "0233", "--as-of", "2026-04-23"],
    ]
    for arguments in decisions { #expect(try run(arguments, db: db).status == 0, "\(arguments)") }
    let issuanceFile = work + "/opening-issuance.xml"
    let issue = try run(
      ["bundle", "issue", "YJS-370202-2026-000001", "--clerk", "0231", "--as-of", "2026-04-24", "--format", "json", "--out", issuanceFile],
      db: db)
    #expect(issue.status == 0)
    let licences = try #require(try json(issue.stdout)["licences"] as? [String: String])
    let uscc = try #require(licences["uscc"])
    let foodNumber = try #require(licences["foodLicenceNumber"])
    #expect(uscc.hasPrefix("92370202MA"))
    #expect(foodNumber.hasPrefix("JY2370202"))
    let validation = try CommandRunner.run(["validate", issuanceFile])
    #expect(validation.status == 0)
    let issuance = try String(contentsOfFile: issuanceFile, encoding: .utf8)
    #expect(issuance.contains("<WorkingDaysTaken>2</WorkingDaysTaken>"))
    #expect(issuance.contains("<ValidUntil>2031-04-23</ValidUntil>"))

    // The change and the cancellation name the numbers just issued.
    for (sample, name) in [(TianShengJiXiang.change, "change.xml"), (TianShengJiXiang.cancellation, "cancellation.xml")] {
      let text = String(decoding: try Repository.bytes(sample), as: UTF8.self)
        .replacingOccurrences(of: TianShengJiXiang.sampleUSCC, with: uscc)
        .replacingOccurrences(of: TianShengJiXiang.sampleFoodLicence, with: foodNumber)
      try Data(text.utf8).write(to: URL(fileURLWithPath: work + "/" + name))
    }
    let change = try run(["bundle", "submit", work + "/change.xml", "--applicant", TianShengJiXiang.operatorID, "--as-of", "2026-07-15"], db: db)
    #expect(change.status == 0)
    #expect(change.stdout.contains("  承诺办结日: 2026-07-17\n"))
    let lonely = try run(
      ["bundle", "decide", "YJS-370202-2026-000002", "--track", "food", "--approve", "--inspector", "0301", "--clerk", "0233", "--as-of", "2026-07-16", "--lang", "en"],
      db: db)
    #expect(lonely.status == 1)
    #expect(lonely.stdout.contains("error: [RD-002]"))
    #expect(try run(
      ["bundle", "decide", "YJS-370202-2026-000002", "--track", "food", "--approve", "--inspector", "0301", "--inspector", "0304", "--clerk", "0233", "--as-of", "2026-07-16"],
      db: db).status == 0)
    let replaced = try run(["bundle", "issue", "YJS-370202-2026-000002", "--clerk", "0231", "--as-of", "2026-07-17"], db: db)
    #expect(replaced.status == 0)
    #expect(replaced.stdout.contains("  食品经营许可证编号: \(foodNumber)\n"))

    let cancel = try run(["bundle", "submit", work + "/cancellation.xml", "--applicant", TianShengJiXiang.operatorID, "--as-of", "2026-11-10"], db: db)
    #expect(cancel.status == 0)
    // 简易注销: pushed on acceptance, 10 days for objections (to 11-20), then two working days.
    #expect(cancel.stdout.contains("  承诺办结日: 2026-11-24\n"))
    let unchecked = try run(["bundle", "decide", "YJS-370202-2026-000003", "--track", "business", "--approve", "--clerk", "0231", "--as-of", "2026-11-11"], db: db)
    #expect(unchecked.status == 1)
    #expect(unchecked.stdout.contains("[CA-004]"))
    let check = "CA-004 已查询国家企业信用信息公示系统，未列入名录，无吊销、责令关闭、撤销记录"
    #expect(try run(["bundle", "decide", "YJS-370202-2026-000003", "--track", "business", "--approve", "--reason", check, "--clerk", "0231", "--as-of", "2026-11-11"], db: db).status == 0)
    #expect(try run(["bundle", "decide", "YJS-370202-2026-000003", "--track", "food", "--approve", "--clerk", "0233", "--as-of", "2026-11-11"], db: db).status == 0)
    let waiting = try run(["bundle", "issue", "YJS-370202-2026-000003", "--clerk", "0231", "--as-of", "2026-11-20"], db: db)
    #expect(waiting.status == 1)
    let late = try run(["bundle", "objection", "YJS-370202-2026-000003", "--department", "税务", "--reason", "逾期异议", "--clerk", "0231", "--as-of", "2026-11-21"], db: db)
    #expect(late.status == 1)
    #expect(late.stdout.contains("异议期已于 2026-11-20 届满"))
    let closed = try run(["bundle", "issue", "YJS-370202-2026-000003", "--clerk", "0231", "--as-of", "2026-11-23", "--out", work + "/closing.xml"], db: db)
    #expect(closed.status == 0)
    let closing = try String(contentsOfFile: work + "/closing.xml", encoding: .utf8)
    #expect(closing.contains("<FoodLicenceEndedOn>2026-11-23</FoodLicenceEndedOn>"))

    let list = try run(["bundle", "list", "--format", "json"], db: db)
    let bundles = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    #expect(bundles.map { $0["status"] as? String } == ["ISSUED", "ISSUED", "ISSUED"])
    #expect(bundles.map { $0["workingDaysTaken"] as? Int } == [2, 2, 1])
    let show = try run(["bundle", "show", "YJS-370202-2026-000003", "--lang", "en"], db: db)
    #expect(show.stdout.contains("  ended 2026-11-23\n"))
    #expect(show.stdout.contains("simplified cancellation: pushed to the tax and other departments on 2026-11-10, objections until 2026-11-20\n"))
    #expect(try run(["bundle", "overdue", "--as-of", "2026-11-20", "--lang", "en"], db: db).stdout == "0 overdue on 2026-11-20\n")
    let audit = try run(["audit", "verify"], db: db)
    #expect(audit.status == 0)
  }

  @Test func overdueListsLateBundlesAndCountsAnUnpublishedYearProvisionally() throws {
    let db = try CommandRunner.newRegistry()
    for arguments in [
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"],
      ["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"],
      ["prefile", "submit", TianShengJiXiang.sanjiangli, "--owner", "91370202MA3D8K2Q87", "--as-of", "2026-03-10"],
      ["prefile", "review", "RCPT-20260310-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-12"],
      ["bundle", "submit", TianShengJiXiang.opening, "--applicant", TianShengJiXiang.operatorID, "--as-of", "2026-04-22"],
    ] {
      #expect(try run(arguments, db: db).status == 0)
    }
    let late = try run(["bundle", "overdue", "--as-of", "2026-04-29", "--lang", "en"], db: db)
    #expect(late.status == 0)
    #expect(late.stdout.hasSuffix("  3 working days late\n1 overdue on 2026-04-29\n"))
    // A count that needs 2027's schedule is answered, marked provisional (it used to exit 2).
    let unpublished = try run(["bundle", "overdue", "--as-of", "2027-01-05", "--lang", "en"], db: db)
    #expect(unpublished.status == 0)
    #expect(unpublished.stdout.contains(" working days late (provisional)\n1 overdue on 2027-01-05\n"))
  }
}
