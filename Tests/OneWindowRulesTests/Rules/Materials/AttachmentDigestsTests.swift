import OneWindowKit
import OneWindowTestSupport
import Testing

struct AttachmentDigestsTests {
  let sample = "valid/registration/taixingli-zhanqiao-media.xml"
  /// The bytes whose SHA-256 the sample's manifest declares for entry-agreement.pdf.
  let agreement = Array("tr-txl-201".utf8)

  @Test func acceptsMatchingAttachments() throws {
    let run = try RuleHarness.run(AttachmentDigests.id, sample: sample, attachments: ["entry-agreement.pdf": agreement])
    #expect(run.specs.isEmpty)
  }

  @Test func flagsATamperedAttachment() throws {
    let run = try RuleHarness.run(AttachmentDigests.id, sample: sample, attachments: ["entry-agreement.pdf": Array("changed".utf8)])
    #expect(run.specs == [FindingSpec("DOC-002", .error, line: run.line(of: "<SHA256>"), path: "/TenantRegistration/Materials/Material/SHA256")])
  }

  @Test func saysDigestsWereNotCheckedForASingleFile() throws {
    let run = try RuleHarness.run(AttachmentDigests.id, sample: sample)
    #expect(run.specs == [FindingSpec("DOC-002", .info, line: 2, path: "/TenantRegistration")])
  }
}
