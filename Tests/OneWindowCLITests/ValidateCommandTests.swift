import Foundation
import OneWindowTestSupport
import Testing

/// `onewindow validate` as a user runs it: stdout, stderr and every exit code.
struct ValidateCommandTests {
  @Test func acceptsTheValidSamplesWithExitZero() throws {
    let result = try CommandRunner.run(["validate", "SampleFilings/valid/prefiling"])
    let count = Samples.names(under: "SampleFilings/valid/prefiling").count
    #expect(count >= 3)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.last?.hasPrefix("共 \(count) 个数据包：通过 \(count) 个，退回 0 个；错误 0 条，警告 0 条，提示 ") == true)
    // Only the one line per packet of what could not be checked without a registry or attachments.
    #expect(lines.dropLast().allSatisfy { $0.contains(": info: 未评估 ") })
    #expect(lines.count == count + 1)
    #expect(result.stderr.isEmpty)
  }

  @Test func rejectsAnInvalidPacketWithExitOneAndACompilerStyleLine() throws {
    let result = try CommandRunner.run(["validate", "SampleFilings/invalid/prefiling/uscc-too-short.xml"])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("SampleFilings/invalid/prefiling/uscc-too-short.xml:12: error: [XSD-1839] USCC（统一社会信用代码）的值 '91370202MA3C5Y7R9' 格式不正确"))
    #expect(lines[0].hasSuffix("(/AddressPreFiling/Owner/Organisation/USCC)"))
    #expect(result.stderr.isEmpty)
  }

  @Test func printsEnglishWithLangEn() throws {
    let result = try CommandRunner.run(["validate", "--lang", "en", "SampleFilings/invalid/prefiling/area-negative.xml"])
    #expect(result.status == 1)
    #expect(result.stdout == """
      SampleFilings/invalid/prefiling/area-negative.xml:51: error: [XSD-1835] Element '{urn:onewindow:prefiling:v1}Area': [facet 'minExclusive'] The value '-42.00' must be greater than '0'. (/AddressPreFiling/Units/Unit[2]/Area)
      1 packet: 0 accepted, 1 rejected; 1 error, 0 warnings, 0 infos

      """)
  }

  @Test func walksDirectoriesSortedAndSummarises() throws {
    let result = try CommandRunner.run(["validate", "SampleFilings"])
    #expect(result.status == 1)
    let findingLines = result.stdout.split(separator: "\n").dropLast()
    #expect(findingLines.map { $0.split(separator: ":")[0] } == findingLines.map { $0.split(separator: ":")[0] }.sorted())
    let total = Samples.names(under: "SampleFilings").count
    #expect(result.stdout.split(separator: "\n").last?.hasPrefix("共 \(total) 个数据包：") == true)
    #expect(result.stderr.isEmpty)
  }

  @Test func writesJSONWithBothLanguagesAndHashes() throws {
    let result = try CommandRunner.run(["validate", "--format", "json", "SampleFilings/invalid/prefiling/planned-use-unknown.xml"])
    #expect(result.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["outcome"] as? String == "REJECTED")
    let packets = try #require(json["packets"] as? [[String: Any]])
    #expect(packets.count == 1)
    #expect((packets[0]["sha256"] as? String)?.count == 64)
    #expect(packets[0]["family"] as? String == "prefiling")
    let finding = try #require((packets[0]["findings"] as? [[String: Any]])?.first)
    #expect(finding["ruleID"] as? String == "XSD-1840")
    #expect(finding["value"] as? String == "SHOP")
    let location = try #require(finding["location"] as? [String: Any])
    #expect(location["line"] as? Int == 59)
    #expect(location["path"] as? String == "/AddressPreFiling/Units/Unit[3]/PlannedUse")
    let message = try #require(finding["message"] as? [String: String])
    #expect(message["zh"]?.hasPrefix("PlannedUse（规划用途）的值 'SHOP' 不在允许的代码表中") == true)
    #expect(message["en"]?.contains("[facet 'enumeration']") == true)
  }

  @Test func readsStandardInput() throws {
    let bytes = try Repository.bytes("SampleFilings/invalid/prefiling/tag-mismatch.xml")
    let result = try CommandRunner.run(["validate", "-"], stdin: bytes)
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("<stdin>:35: error: [XML-76] "))
    #expect(result.stderr.isEmpty)
  }

  @Test func strictTurnsWarningsIntoRejections() throws {
    // No warnings exist yet in the samples: strict leaves an accepted packet accepted.
    let result = try CommandRunner.run(["validate", "--strict", "SampleFilings/valid/prefiling/taixingli.xml"])
    #expect(result.status == 0)
  }

  @Test func exitsTwoWhenItCannotRun() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-cli-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // An unreadable packet: a packet folder whose packet.xml is not a regular file.
    let folderPacket = folder.appendingPathComponent("folder-packet")
    try FileManager.default.createDirectory(
      at: folderPacket.appendingPathComponent("packet.xml"), withIntermediateDirectories: true)
    let unreadable = try CommandRunner.run(["validate", folderPacket.path], environment: ["ONEWINDOW_LANG": "en"])
    #expect(unreadable.status == 2)
    #expect(unreadable.stderr == "onewindow: error: cannot read '\(folderPacket.path)/packet.xml': not a regular file\n")
    #expect(unreadable.stdout.hasSuffix("1 could not run; 0 errors, 0 warnings, 0 infos\n"))
    // A schema folder with a schema that does not compile.
    let schemas = folder.appendingPathComponent("schemas/broken")
    try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
    try Data("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"nope\"/></xs:schema>".utf8)
      .write(to: schemas.appendingPathComponent("Broken-v1.xsd"))
    let broken = try CommandRunner.run(["validate", "--schemas", folder.appendingPathComponent("schemas").path, "SampleFilings/valid"], environment: ["ONEWINDOW_LANG": "en"])
    #expect(broken.status == 2)
    #expect(broken.stdout.isEmpty)
    #expect(broken.stderr.hasPrefix("onewindow: error: schema '"))
    // A schema folder that does not exist.
    let missing = try CommandRunner.run(["validate", "SampleFilings/valid"], environment: ["ONEWINDOW_SCHEMAS": "/nonexistent"])
    #expect(missing.status == 2)
    #expect(missing.stderr == "onewindow: 错误：找不到 Schemas 文件夹；已查找：/nonexistent\n")
  }

  @Test func exitsSixtyFourOnUsageErrors() throws {
    let noPaths = try CommandRunner.run(["validate"])
    #expect(noPaths.status == 64)
    #expect(noPaths.stderr.hasPrefix("错误：请至少给出一个数据包、文件夹，或 -（标准输入）。\n"))
    // An unknown option is reported before any path is looked at.
    let badOption = try CommandRunner.run(["validate", "--fromat", "json", "x.xml"])
    #expect(badOption.status == 64)
    #expect(badOption.stderr.hasPrefix("错误：未知选项 '--fromat'。是否想输入 '--format'？\n用法：onewindow validate"))
    let badOptionEnglish = try CommandRunner.run(["validate", "--fromat", "json", "x.xml"], environment: ["ONEWINDOW_LANG": "en"])
    #expect(badOptionEnglish.stderr.hasPrefix("Error: Unknown option '--fromat'. Did you mean '--format'?\nUsage: onewindow validate"))
    // A missing input is not a usage slip: exit 2, naming it.
    let missingPath = try CommandRunner.run(["validate", "no/such/file.xml"])
    #expect(missingPath.status == 2)
    #expect(missingPath.stderr == "onewindow: 错误：找不到文件或文件夹：'no/such/file.xml'。\n")
    let missingEnglish = try CommandRunner.run(["validate", "--lang", "en", "no/such/file.xml"])
    #expect(missingEnglish.status == 2)
    #expect(missingEnglish.stderr == "onewindow: error: No such file or directory: 'no/such/file.xml'.\n")
    let badFormat = try CommandRunner.run(["validate", "--format", "pdf", "SampleFilings"])
    #expect(badFormat.status == 64)
  }

  @Test func neverPrintsLibxml2DiagnosticsToStderr() throws {
    let result = try CommandRunner.run(["validate", "SampleFilings/invalid"])
    #expect(result.status == 1)
    #expect(result.stderr.isEmpty)
  }

  @Test func givesTheSameReportWithOneOrTwoWorkers() throws {
    let one = try CommandRunner.run(["validate", "--jobs", "1", "SampleFilings"])
    let two = try CommandRunner.run(["validate", "--jobs", "2", "SampleFilings"])
    #expect(one.stdout == two.stdout)
    #expect(one.status == two.status)
  }

  @Test func writesAPrintablePageAndAnXMLReport() throws {
    let html = try CommandRunner.run(["validate", "--format", "html", "--as-of", "2026-11-20", "SampleFilings/invalid/prefiling/uscc-too-short.xml"])
    #expect(html.status == 1)
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(html.stdout.contains("退回：1 个数据包有错误"))
    let xml = try CommandRunner.run(["validate", "--format", "xml", "--as-of", "2026-11-20", "SampleFilings/valid/prefiling/taixingli.xml"])
    #expect(xml.status == 0)
    #expect(xml.stdout.contains("<ValidationReport xmlns=\"urn:onewindow:report:v1\">"))
    #expect(xml.stdout.contains("<Outcome>ACCEPTED</Outcome>"))
  }

  /// The rules not evaluated without a registry or attachments fold into one line after the real
  /// findings, in text and HTML; JSON keeps each of them.
  @Test func notEvaluatedRulesFoldIntoOneLineAfterTheFindings() throws {
    let packet = "SampleFilings/valid/bundle/tianshengjixiang-change-cold-food.xml"
    let chinese = try CommandRunner.run(["validate", packet])
    #expect(chinese.status == 0)
    #expect(chinese.stdout == """
      \(packet):20: info: [CH-004] 需换发：食品经营许可证；需现场核查 (/RestaurantChange/ChangedFields)
      \(packet): info: 未评估 9 条规则：需要登记库的 CH-002、LC-001、TR-001、TR-002、TR-003、TR-004、TR-005、TR-006（用 --db 指定）；需要附件的 DOC-002（以数据包文件夹或 zip 提交时核验）
      共 1 个数据包：通过 1 个，退回 0 个；错误 0 条，警告 0 条，提示 10 条

      """)
    let english = try CommandRunner.run(["validate", packet, "--lang", "en"])
    #expect(english.stdout == """
      \(packet):20: info: [CH-004] to replace: food licence; an on-site inspection is needed (/RestaurantChange/ChangedFields)
      \(packet): info: 9 rules not evaluated: CH-002, LC-001, TR-001, TR-002, TR-003, TR-004, TR-005, TR-006 need the registry (use --db); DOC-002 need the attachments (send a packet folder or zip)
      1 packet: 1 accepted, 0 rejected; 0 errors, 0 warnings, 10 infos

      """)
    let html = try CommandRunner.run(["validate", packet, "--format", "html"])
    let lines = html.stdout.split(separator: "\n").map(String.init)
    // The info finding prints in its own table, the folded line after it.
    let info = try #require(lines.firstIndex { $0.hasPrefix("<tr class=\"info\"><td>提示<br><code>CH-004</code></td>") })
    let folded = try #require(lines.firstIndex(of:
      "<p class=\"not-evaluated\">未评估 9 条规则：需要登记库的 CH-002、LC-001、TR-001、TR-002、TR-003、TR-004、TR-005、TR-006（用 --db 指定）；需要附件的 DOC-002（以数据包文件夹或 zip 提交时核验）</p>"))
    #expect(info < folded)
    #expect(!html.stdout.contains("<code>TR-001</code>"))
    let json = try CommandRunner.run(["validate", packet, "--format", "json"])
    #expect(json.stdout.components(separatedBy: "\"notEvaluated\" : \"REGISTRY\"").count - 1 == 8)
  }

  /// The HTML report opens each packet with who and what it concerns.
  @Test func theHTMLReportNamesTheApplicantBusinessAndPremises() throws {
    let result = try CommandRunner.run(["validate", "SampleFilings/valid/bundle/tianshengjixiang-opening.xml", "--format", "html"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("""
      <table class="facts">
      <tr><th>申请人</th><td>王建国（370202197805122312）</td></tr>
      <tr><th>名称</th><td>市南区天晟吉祥烤鸭店</td></tr>
      <tr><th>住所预备案</th><td>YBA-370202-2026-000002</td></tr>
      <tr><th>单元</th><td>A-1</td></tr>
      <tr><th>数据包编号</th><td>BD-TSJX-2026-0001</td></tr>
      </table>
      """))
    let english = try CommandRunner.run(
      ["validate", "SampleFilings/valid/prefiling/taixingli.xml", "--format", "html", "--lang", "en"])
    #expect(english.stdout.contains("<tr><th>Applicant</th><td>青岛市市南区历史街区保护更新有限公司 (91370202MA3C5Y7R9D)</td></tr>"))
    #expect(english.stdout.contains("<tr><th>Premises</th><td>太兴里 山东省青岛市市南区中山路街道四方路10号太兴里</td></tr>"))
    #expect(english.stdout.contains("<tr><th>Unit</th><td>U-101, U-102, U-201</td></tr>"))
  }

  /// `--min-severity` changes what text and HTML print, never the exit code or the counts.
  @Test func minSeverityFiltersThePrintedFindingsOnly() throws {
    let packet = "SampleFilings/invalid/bundle/ca-001-simplified-while-listed-abnormal.xml"
    let error = "\(packet):23: error: [CA-001] 列入经营异常名录的个体工商户不得简易注销 (/RestaurantCancellation/Simplified)"
    let warning = "\(packet):24: warning: [CA-001] 未声明是否列入严重违法失信名单、是否被吊销、责令关闭或撤销，由登记机关核查后记录 (/RestaurantCancellation/Status)"
    let folded = "\(packet): info: 未评估 2 条规则：需要登记库的 LC-001（用 --db 指定）；需要附件的 DOC-002（以数据包文件夹或 zip 提交时核验）"
    let summary = "共 1 个数据包：通过 0 个，退回 1 个；错误 1 条，警告 1 条，提示 2 条"
    let cases: [(severity: String, lines: [String])] = [
      ("info", [error, warning, folded, summary]),
      ("warning", [error, warning, "未显示：提示 2 条（--min-severity warning）", summary]),
      ("error", [error, "未显示：警告 1 条、提示 2 条（--min-severity error）", summary]),
    ]
    for item in cases {
      let result = try CommandRunner.run(["validate", packet, "--min-severity", item.severity])
      #expect(result.status == 1, "\(item.severity)")
      #expect(result.stdout == item.lines.joined(separator: "\n") + "\n", "\(item.severity)")
    }
    let english = try CommandRunner.run(["validate", packet, "--min-severity", "error", "--lang", "en"])
    #expect(english.status == 1)
    #expect(english.stdout.hasSuffix("""
      not shown: 1 warning, 2 infos (--min-severity error)
      1 packet: 0 accepted, 1 rejected; 1 error, 1 warning, 2 infos

      """))
    let html = try CommandRunner.run(["validate", packet, "--min-severity", "error", "--format", "html"])
    #expect(html.status == 1)
    #expect(html.stdout.contains("<p class=\"hidden\">未显示：警告 1 条、提示 2 条（--min-severity error）</p>"))
    #expect(!html.stdout.contains("<tr class=\"warning\">") && !html.stdout.contains("not-evaluated\">"))
    let json = try CommandRunner.run(["validate", packet, "--min-severity", "error", "--format", "json"])
    #expect(json.status == 1)
    #expect(json.stdout.contains("\"severity\" : \"WARNING\""))
    // A valid packet stays exit 0 whatever is hidden.
    let valid = try CommandRunner.run(["validate", "SampleFilings/valid/prefiling/taixingli.xml", "--min-severity", "error"])
    #expect(valid.status == 0)
    #expect(valid.stdout.split(separator: "\n").first == "未显示：提示 2 条（--min-severity error）")
    let wrong = try CommandRunner.run(["validate", packet, "--min-severity", "fatal"])
    #expect(wrong.status == 64)
  }
}
