import OneWindowKit
import OneWindowTestSupport
import Testing

struct UnlistedAttachmentsTests {
  let sample = "valid/registration/taixingli-zhanqiao-media.xml"

  @Test func acceptsOnlyListedFiles() throws {
    let run = try RuleHarness.run(UnlistedAttachments.id, sample: sample, attachments: ["entry-agreement.pdf": Array("tr-txl-201".utf8)])
    #expect(run.specs.isEmpty)
  }

  @Test func warnsAboutAnUnlistedFile() throws {
    let run = try RuleHarness.run(
      UnlistedAttachments.id, sample: sample,
      attachments: ["entry-agreement.pdf": Array("tr-txl-201".utf8), "photo.jpg": [0xFF, 0xD8]])
    #expect(run.specs == [FindingSpec("DOC-004", .warning, line: run.line(of: "<Materials>"), path: "/TenantRegistration/Materials")])
    #expect(run.report.findings.first?.value == "photo.jpg")
  }
}
