import Foundation
import OneWindowTestSupport
import Testing

/// The receipt a clerk hands over (回执) through `onewindow`: the printable page of every write
/// command (`--format html`), the applicant and premises on every receipt, `--centre`, the
/// folded "not evaluated" line and `--min-severity`.
struct ReceiptCommandTests {
  private func run(_ arguments: [String], db: String) throws -> CommandResult {
    try CommandRunner.run(arguments, environment: ["ONEWINDOW_DB": db])
  }

  /// A registry with 太兴里 submitted (2026-03-02) and approved (2026-03-04).
  private func taixingli() throws -> String {
    let db = try CommandRunner.newRegistry()
    #expect(try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], db: db).status == 0)
    #expect(try run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"], db: db).status == 0)
    return db
  }

  private func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

  @Test func theHTMLReceiptCarriesWhoWhatWhereAndAStampArea() throws {
    let db = try taixingli()
    let result = try run(
      ["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08", "--centre", "中山路街道", "--format", "html"], db: db)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let page = lines(result.stdout)
    for line in [
      "<p class=\"bureau\">青岛市市南区行政审批服务局</p>",
      "<h1>回执</h1>",
      "<p class=\"number\">回执编号：<strong>RCPT-20260408-000001</strong></p>",
      "<p class=\"verdict accepted\">入驻登记：通过（ACCEPTED）</p>",
      "<tr><th>办理事项</th><td>入驻登记（register）</td></tr>",
      "<tr><th>结果</th><td>通过（ACCEPTED）</td></tr>",
      "<tr><th>申请人</th><td>青岛栈桥文化传媒有限公司（37020219880627315X）</td></tr>",
      "<tr><th>场所</th><td>太兴里 山东省青岛市市南区中山路街道四方路10号太兴里</td></tr>",
      "<tr><th>住所预备案</th><td>YBA-370202-2026-000001</td></tr>",
      "<tr><th>单元</th><td>U-201</td></tr>",
      "<tr><th>少交材料</th><td>3 件（共 4 件，75.0%）</td></tr>",
      "<tr><th>数据包编号</th><td>TR-TXL-201-0001</td></tr>",
      "<tr><th>数据包 SHA-256</th><td>4682e0fa374cf777c01047b332929d0201bf9da4762cc155719ba43a88810ce5</td></tr>",
      "<tr><th>审批机关</th><td>青岛市市南区行政审批服务局</td></tr>",
      "<tr><th>受理服务中心</th><td>中山路街道（370202005）</td></tr>",
      "<tr><th>经办人</th><td>审批窗口工作人员 0232</td></tr>",
      "<h2>检查发现</h2>",
      "<p class=\"not-evaluated\">未评估 1 条规则：需要附件的 DOC-002（以数据包文件夹或 zip 提交时核验）</p>",
      "<div class=\"stamp\">盖章处</div>",
    ] {
      #expect(page.contains(line), "\(line)")
    }
    // The business date (backdated when before today) and the real print time, Beijing time.
    #expect(page.contains { $0.hasPrefix("<tr><th>业务日期</th><td>2026-04-08") })
    #expect(page.contains { $0.wholeMatch(of: /<tr><th>打印时间<\/th><td>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）<\/td><\/tr>/) != nil })
    #expect(page.contains { $0.hasPrefix("<tr><th>审计链</th><td>#3 ") })
    #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"))
    #expect(result.stdout.contains("@page { size: A4;"))
    #expect(!result.stdout.contains("<script") && !result.stdout.contains("http"))

    let english = try run(
      ["register", Taixingli.haiheU201, "--applicant", "91370202MA3U8N2W0C", "--as-of", "2026-04-15", "--centre", "370202", "--format", "html", "--lang", "en"],
      db: db)
    #expect(english.status == 0)
    let englishPage = lines(english.stdout)
    for line in [
      "<h1>Receipt</h1>",
      "<p class=\"number\">Receipt number: <strong>RCPT-20260415-000001</strong></p>",
      "<tr><th>Operation</th><td>Tenant address registration (register)</td></tr>",
      "<tr><th>Outcome</th><td>accepted (ACCEPTED)</td></tr>",
      "<tr><th>Applicant</th><td>青岛海河企业管理咨询有限公司 (91370202MA3U8N2W0C)</td></tr>",
      "<tr><th>Unit</th><td>U-201</td></tr>",
      "<tr><th>Service centre</th><td>市南区 district hall (370202)</td></tr>",
      "<tr><th>Handled by</th><td>Applicant 91370202MA3U8N2W0C</td></tr>",
      "<p class=\"not-evaluated\">1 rules not evaluated: DOC-002 need the attachments (send a packet folder or zip)</p>",
      "<div class=\"stamp\">Stamp here</div>",
    ] {
      #expect(englishPage.contains(line), "\(line)")
    }
    #expect(englishPage.contains { $0.wholeMatch(of: /<tr><th>Printed at<\/th><td>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Beijing time\)<\/td><\/tr>/) != nil })
  }

  @Test func everyWriteCommandPrintsTheHTMLReceipt() throws {
    let db = try taixingli()
    let steps: [(arguments: [String], status: Int32, operation: String)] = [
      (["prefile", "amend", Taixingli.addUnitU202, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-05-11"], 0, "住所预备案变更（prefile.amend）"),
      (["prefile", "revoke", "YBA-370202-2026-000001", "--reason", "住所已不具备使用条件", "--clerk", "0231", "--as-of", "2026-09-01"], 0, "住所预备案撤销（prefile.revoke）"),
      (["bundle", "submit", TianShengJiXiang.opening, "--clerk", "0232", "--as-of", "2026-09-02"], 1, "“一件事”申请（bundle.submit）"),
    ]
    var pages: [[String]] = []
    for step in steps {
      let result = try run(step.arguments + ["--format", "html"], db: db)
      #expect(result.status == step.status, "\(step.arguments): \(result.stderr)")
      let page = lines(result.stdout)
      #expect(page.contains("<tr><th>办理事项</th><td>\(step.operation)</td></tr>"), "\(step.arguments)")
      #expect(page.contains("<div class=\"stamp\">盖章处</div>"))
      pages.append(page)
    }
    // The revocation: the pre-filing's owner and premises read from the registry.
    #expect(pages[1].contains("<tr><th>申请人</th><td>青岛市市南区历史街区保护更新有限公司（91370202MA3C5Y7R9D）</td></tr>"))
    #expect(pages[1].contains("<tr><th>场所</th><td>太兴里 山东省青岛市市南区中山路街道四方路10号太兴里</td></tr>"))
    // The refused opening: its operator and name from the packet, the error with its hint.
    #expect(pages[2].contains("<tr><th>申请人</th><td>王建国（370202197805122312）</td></tr>"))
    #expect(pages[2].contains("<tr><th>名称</th><td>市南区天晟吉祥烤鸭店</td></tr>"))
    #expect(pages[2].contains { $0.hasPrefix("<tr class=\"error\"><td>错误<br><code>TR-001</code></td>") })
  }

  @Test func aDryRunPrintsAPreviewWithoutANumber() throws {
    let db = try taixingli()
    let result = try run(
      ["register", Taixingli.haiheU201, "--applicant", "91370202MA3U8N2W0C", "--as-of", "2026-04-15", "--dry-run", "--format", "html"], db: db)
    #expect(result.status == 0)
    let page = lines(result.stdout)
    #expect(page.contains("<h1>回执预览</h1>"))
    #expect(page.contains("<p class=\"preview\">预览：已按正式办理完整检查，未编号，未写入登记库，不作为办理凭证。</p>"))
    #expect(page.contains("<tr><th>受理服务中心</th><td>未注明</td></tr>"))
    #expect(page.contains("<tr><th>经办人</th><td>申请人 91370202MA3U8N2W0C</td></tr>"))
    #expect(!page.contains { $0.hasPrefix("<p class=\"number\">") || $0.hasPrefix("<tr><th>审计链</th>") })
  }

  @Test func aHostileNameIsPrintedAsText() throws {
    let db = try taixingli()
    let folder = (db as NSString).deletingLastPathComponent
    let original = try String(contentsOfFile: Repository.path(Taixingli.haiheU201), encoding: .utf8)
    let hostile = original.replacingOccurrences(
      of: "<Name>青岛海河企业管理咨询有限公司</Name>", with: "<Name>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; Co</Name>")
    #expect(hostile != original)
    let path = folder + "/hostile.xml"
    try hostile.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try run(
      ["register", path, "--applicant", "91370202MA3U8N2W0C", "--as-of", "2026-04-15", "--dry-run", "--format", "html"], db: db)
    #expect(result.status == 0 || result.status == 1)
    #expect(result.stdout.contains("<tr><th>申请人</th><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co（91370202MA3U8N2W0C）</td></tr>"))
    #expect(!result.stdout.contains("<script"))
  }

  @Test func theTextReceiptNamesTheApplicantAndThePremisesInBothLanguages() throws {
    let db = try taixingli()
    let chinese = try run(["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08", "--centre", "370202005"], db: db)
    #expect(chinese.status == 0)
    let expected = [
      "  业务: 入驻登记  办理人: 审批窗口工作人员 0232",
      "  受理服务中心: 370202005 中山路街道",
      "  结果: 通过 (ACCEPTED)",
      "  申请人: 青岛栈桥文化传媒有限公司 37020219880627315X",
      "  场所: 太兴里 山东省青岛市市南区中山路街道四方路10号太兴里",
      "  住所预备案: YBA-370202-2026-000001",
      "  单元: U-201",
      "  办件: YBA-370202-2026-000001",
    ]
    #expect(Array(lines(chinese.stdout)[2...9]) == expected)
    #expect(lines(chinese.stdout).last == "\(Taixingli.zhanqiaoU201): info: 未评估 1 条规则：需要附件的 DOC-002（以数据包文件夹或 zip 提交时核验）")

    let english = try run(
      ["register", Taixingli.haiheU201, "--applicant", "91370202MA3U8N2W0C", "--as-of", "2026-04-15", "--lang", "en"], db: db)
    #expect(english.status == 0)
    for line in [
      "  applicant: 青岛海河企业管理咨询有限公司 91370202MA3U8N2W0C",
      "  premises: 太兴里 山东省青岛市市南区中山路街道四方路10号太兴里",
      "  pre-filing: YBA-370202-2026-000001",
      "  units: U-201",
      "\(Taixingli.haiheU201): info: 1 rules not evaluated: DOC-002 need the attachments (send a packet folder or zip)",
    ] {
      #expect(lines(english.stdout).contains(line), "\(line)")
    }
    // JSON and XML keep the particulars and each finding.
    let json = try run(
      ["register", Taixingli.qinyuU201, "--applicant", "91370202MA3UC4K704", "--as-of", "2026-04-22", "--format", "json", "--dry-run"], db: db)
    let receipt = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let particulars = try #require(receipt["particulars"] as? [String: Any])
    #expect(particulars["preFilingNumber"] as? String == "YBA-370202-2026-000001")
    #expect(particulars["units"] as? [String] == ["U-201"])
    #expect((receipt["findings"] as? [[String: Any]])?.map { $0["notEvaluated"] as? String } == ["ATTACHMENTS"])
    let xml = try run(
      ["register", Taixingli.qinyuU201, "--applicant", "91370202MA3UC4K704", "--as-of", "2026-04-22", "--format", "xml", "--dry-run"], db: db)
    #expect(xml.stdout.contains("  <Particulars>\n    <ApplicantName>"))
    #expect(xml.stdout.contains("    <PreFilingNumber>YBA-370202-2026-000001</PreFilingNumber>\n    <Unit>U-201</Unit>\n  </Particulars>\n"))
  }

  @Test func anUnknownCentreIsAUsageError() throws {
    let db = try taixingli()
    let chinese = try run(["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08", "--centre", "370202099"], db: db)
    #expect(chinese.status == 64)
    #expect(chinese.stdout.isEmpty)
    #expect(chinese.stderr.hasPrefix(
      "onewindow: 错误：--centre '370202099' 不是已知的服务中心；可用：370202 市南区政务服务大厅、370202001 香港中路街道、370202002 八大峡街道、"))
    let english = try run(
      ["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08", "--centre", "somewhere", "--lang", "en"], db: db)
    #expect(english.status == 64)
    #expect(english.stderr.hasPrefix(
      "onewindow: error: --centre 'somewhere' is not a known service centre; known: 370202 市南区 district hall, 370202001 香港中路街道, "))
    // Nothing was written: the next registration is still the first of its day.
    let next = try run(["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08", "--service-centre", "370202005"], db: db)
    #expect(next.status == 0)
    #expect(lines(next.stdout).first?.hasPrefix("回执 RCPT-20260408-000001") == true)
    #expect(lines(next.stdout).contains("  受理服务中心: 370202005 中山路街道"))
  }

  @Test func minSeverityFiltersWhatAWriteCommandPrintsNotItsExitCode() throws {
    let db = try CommandRunner.newRegistry()
    // No pre-filing in this registry: TR-001 refuses, DOC-002 is not evaluated.
    let arguments = ["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08", "--dry-run"]
    let all = try run(arguments, db: db)
    let errors = try run(arguments + ["--min-severity", "error"], db: db)
    #expect(all.status == 1 && errors.status == 1)
    // Every line but the real time of writing.
    let allLines = lines(all.stdout).filter { !$0.hasPrefix("  写入时间: ") }
    let errorLines = lines(errors.stdout).filter { !$0.hasPrefix("  写入时间: ") }
    #expect(allLines.contains { $0.contains(": error: [TR-001] ") })
    #expect(allLines.last == "\(Taixingli.zhanqiaoU201): info: 未评估 1 条规则：需要附件的 DOC-002（以数据包文件夹或 zip 提交时核验）")
    #expect(errorLines.dropLast() == allLines.dropLast())
    #expect(errorLines.last == "未显示：提示 1 条（--min-severity error）")
    let english = try run(arguments + ["--min-severity", "warning", "--lang", "en"], db: db)
    #expect(english.status == 1)
    #expect(lines(english.stdout).last == "not shown: 1 info (--min-severity warning)")
    let html = try run(arguments + ["--min-severity", "error", "--format", "html"], db: db)
    #expect(html.status == 1)
    #expect(lines(html.stdout).contains("<p class=\"hidden\">未显示：提示 1 条（--min-severity error）</p>"))
    #expect(!html.stdout.contains("DOC-002"))
    // JSON keeps every finding.
    let json = try run(arguments + ["--min-severity", "error", "--format", "json"], db: db)
    #expect(json.status == 1)
    #expect(json.stdout.contains("\"DOC-002\""))
  }
}
