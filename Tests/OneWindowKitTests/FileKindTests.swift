import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Issue 15, item 3: a PDF, a Word document or an image given as a packet is named for what it
/// is, instead of "the packet is empty".
struct FileKindTests {
  @Test(arguments: [
    (Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), "这是PDF 文件，不是 XML 数据包", "this is a PDF file, not an XML packet"),
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "这是旧版 Word 或 Excel 文档（.doc、.xls），不是 XML 数据包", "this is an old Word or Excel document"),
    ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "这是PNG 图片，不是 XML 数据包", "this is a PNG image, not an XML packet"),
  ])
  func aFileThatIsNotXMLIsNamed(bytes: [UInt8], zh: String, en: String) {
    let report = RegistryHarness.oneWindow.validate(bytes: bytes, name: "packet.xml", options: SystemRuleHarness.options)
    #expect(report.outcome == .rejected)
    let first = report.findings.first { $0.category == .wellFormedness }
    #expect(first?.message.zh.hasPrefix(zh) == true, "\(first?.message.zh ?? "none")")
    #expect(first?.message.en.hasPrefix(en) == true)
  }

  @Test func brokenXMLKeepsItsOwnMessage() {
    let report = RegistryHarness.oneWindow.validate(bytes: Array("<a><b></a>".utf8), name: "packet.xml", options: SystemRuleHarness.options)
    #expect(report.findings.first?.message.zh.contains("不是 XML 数据包") == false)
  }
}
