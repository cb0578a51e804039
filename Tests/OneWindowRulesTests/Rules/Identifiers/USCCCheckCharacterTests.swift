import OneWindowKit
import OneWindowTestSupport
import Testing

struct USCCCheckCharacterTests {
  @Test func passesCodesWithTheRightCheckCharacter() throws {
    #expect(try RuleHarness.run(USCCCheckCharacter.id, sample: "valid/prefiling/taixingli.xml").specs.isEmpty)
    #expect(try RuleHarness.run(USCCCheckCharacter.id, sample: "valid/registration/haitian-t2-3508-law-firm.xml").specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(USCCCheckCharacter.id, sample: "invalid/prefiling/id-001-uscc-check-character.xml")
    #expect(run.specs == [FindingSpec("ID-001", .error, line: run.line(of: "91370202MA3C5Y7R9E"), path: "/AddressPreFiling/Owner/Organisation/USCC")])
    #expect(run.report.findings.first?.value == "91370202MA3C5Y7R9E")
    #expect(run.report.findings.first?.message.zh == "统一社会信用代码 91370202MA3C5Y7R9E 的校验码应为 D")
  }

  @Test func checksTheLessorInAnEntryAgreement() throws {
    let run = try RuleHarness.run(
      USCCCheckCharacter.id, sample: "valid/registration/taixingli-zhanqiao-media.xml",
      replacing: [("<USCC>91370202MA3C5Y7R9D</USCC>", "<USCC>91370202MA3C5Y7R91</USCC>")])
    #expect(run.specs == [FindingSpec("ID-001", .error, line: run.line(of: "91370202MA3C5Y7R91"), path: "/TenantRegistration/EntryAgreement/Lessor/USCC")])
  }

  @Test func computesTheCheckCharacterOfPublicCodes() {
    // Codes the brief's sources verified (GB 32100); their check characters must agree.
    #expect(UnifiedSocialCreditCode.hasValidCheckCharacter("91370202MA3C5Y7R9D"))
    #expect(UnifiedSocialCreditCode.make(department: "92", division: "370202", body: "MA7HK3P2") == "92370202MA7HK3P289")
  }

  /// Issue 14, item 10: the Issuance packets OneWindow writes are checked too.
  @Test func checksTheIssuedCertificates() throws {
    let valid = try RuleHarness.run(USCCCheckCharacter.id, sample: "valid/issuance/muzidawei-opening.xml")
    #expect(valid.specs.isEmpty)
    let run = try RuleHarness.run(USCCCheckCharacter.id, sample: "invalid/issuance/id-001-issued-uscc-check-character.xml")
    #expect(run.specs == [
      FindingSpec("ID-001", .error, line: run.line(of: "92370202MA7J5N8WXG"), path: "/Issuance/BusinessLicence/USCC")
    ])
  }
}
