import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-010: A zip packet has packet.xml at its root.
struct ZipWithoutPacketTests {
  @Test func refusesAZipWithoutPacketXML() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-missing-packet.zip") == ["SEC-010"])
    #expect(try SystemRuleHarness.ids(ofCase: "zip-directories-only.zip") == ["SEC-010"])
  }

  /// Issue 15, item 3: a .docx is a zip without packet.xml; the finding says it is a Word document.
  @Test func aWordDocumentIsNamedAsSuch() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ow-\(UUID().uuidString).zip").path
    let script = """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1], "w") as z:
          z.writestr("[Content_Types].xml", "<Types/>")
          z.writestr("word/document.xml", "<w:document/>")
      """
    let made = try CommandRunner.run(["python3", "-c", script, path], executable: "/usr/bin/env")
    #expect(made.status == 0)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let report = RegistryHarness.oneWindow.validate([PacketSourceCollector.source(file: path)], options: SystemRuleHarness.options)[0]
    let refusal = try #require(report.findings.first { $0.ruleID == "SEC-010" })
    #expect(refusal.message.zh.hasPrefix("这是Word 文档（.docx），不是数据包"))
    #expect(refusal.message.en.hasPrefix("this is a Word document (.docx), not a packet"))
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
