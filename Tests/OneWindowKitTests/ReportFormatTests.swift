import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// The XML report (valid against its own schema) and the printable HTML page.
struct ReportFormatTests {
  let oneWindow = RegistryHarness.oneWindow

  private func run(_ samples: [String]) -> ValidationRun {
    let options = ValidationOptions(asOf: CivilDate("2026-11-20"))
    return ValidationRun(
      packets: oneWindow.validate(samples.compactMap(Samples.source(named:)), options: options), asOf: options.asOf)
  }

  @Test func theXMLReportIsAValidationReportPacket() {
    let report = run(["SampleFilings/invalid/prefiling/uscc-too-short.xml", "SampleFilings/valid/prefiling/taixingli.xml"])
    let xml = XMLReportRenderer(oneWindow: oneWindow).render(report)
    let check = oneWindow.validate(bytes: Array(xml.utf8), name: "report.xml")
    #expect(check.family == "report")
    #expect(check.findings.filter { $0.severity == .error }.isEmpty)
    #expect(xml.contains("<Outcome>REJECTED</Outcome>"))
    #expect(xml.contains("<RuleId>XSD-1839</RuleId>"))
    #expect(xml.contains("<Label>统一社会信用代码</Label>"))
    #expect(xml.contains("<Line>12</Line>"))
  }

  @Test func theHTMLPageLeadsWithTheOutcomeAndEndsWithHashesAndRuleSet() throws {
    let report = run(["SampleFilings/invalid/prefiling/uscc-too-short.xml", "SampleFilings/valid/prefiling/taixingli.xml"])
    let html = HTMLReportRenderer(oneWindow: oneWindow).render(report)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
    let verdict = try #require(html.range(of: "<p class=\"verdict rejected\">退回：1 个数据包有错误，须改正后重新提交。</p>"))
    let firstFinding = try #require(html.range(of: "<code>XSD-1839</code>"))
    let hashes = try #require(html.range(of: "<th>SHA-256</th>"))
    #expect(verdict.lowerBound < firstFinding.lowerBound)
    #expect(firstFinding.lowerBound < hashes.lowerBound)
    #expect(html.contains("<h3>产权单位 <span class=\"en\">Owner</span></h3>"))
    #expect(html.contains("<td>统一社会信用代码<br><small>第 12 行</small></td>"))
    #expect(html.contains("<dt>规则集日期</dt><dd>2026-11-20</dd>"))
    #expect(html.contains(report.packets[0].sha256 ?? "-"))
    #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
  }

  @Test func theHTMLPageEscapesWhatPacketsContain() {
    let finding = Finding(
      ruleID: "PR-005", severity: .error, category: .premises,
      message: LocalizedText("承租方 <script>alert(1)</script> 不是申请人", "x"), hint: LocalizedText("由申请人签订", "sign"),
      location: SourceLocation(file: "x.xml", line: 3, path: "/TenantRegistration/EntryAgreement/Lessee"), value: "<b>&amp;</b>")
    let report = ValidationRun(packets: [
      PacketReport(source: "x<y>.xml", family: "registration", root: "TenantRegistration", outcome: .rejected, findings: [finding])
    ])
    let html = HTMLReportRenderer(oneWindow: oneWindow).render(report)
    #expect(html.contains("承租方 &lt;script&gt;alert(1)&lt;/script&gt; 不是申请人"))
    #expect(html.contains("<code>&lt;b&gt;&amp;amp;&lt;/b&gt;</code>"))
    #expect(html.contains("x&lt;y&gt;.xml"))
    #expect(!html.contains("<script>"))
    // A long unbroken value (a 200-character quoted value) wraps inside its cell instead of
    // pushing the hint and basis columns off the printed page (seen in Chromium).
    #expect(html.contains("table.findings td, table.hashes th, table.hashes td { border: 1px solid #ccc; padding: .3em .45em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }"))
  }
}
