import OneWindowKit
import OneWindowTestSupport
import Testing

struct AttachmentsPresentTests {
  let sample = "valid/registration/taixingli-zhanqiao-media.xml"

  @Test func acceptsAPacketWithItsFiles() throws {
    let run = try RuleHarness.run(AttachmentsPresent.id, sample: sample, attachments: ["entry-agreement.pdf": Array("tr-txl-201".utf8)])
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAMissingFile() throws {
    let run = try RuleHarness.run(AttachmentsPresent.id, sample: sample, attachments: ["other.pdf": [1]])
    #expect(run.specs == [FindingSpec("DOC-003", .error, line: run.line(of: "<FileName>"), path: "/TenantRegistration/Materials/Material/FileName")])
  }

  @Test func staysSilentForASingleFile() throws {
    #expect(try RuleHarness.run(AttachmentsPresent.id, sample: sample).specs.isEmpty)
  }
}
