import Foundation
import OneWindowTestSupport
import Testing

/// Issue 15, item 1, through the binary: `--clerk "王 芳"` is a usage error (exit 64) that writes
/// nothing; the registry's audit chain is unchanged.
struct ActorSlipCommandTests {
  @Test func aFreeTextStaffNumberExits64AndWritesNothing() throws {
    let db = try CommandRunner.newRegistry()
    let environment = ["ONEWINDOW_DB": db]
    let submitted = try CommandRunner.run(
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], environment: environment)
    #expect(submitted.status == 0)
    let slip = try CommandRunner.run(
      ["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "王 芳", "--as-of", "2026-03-04"], environment: environment)
    #expect(slip.status == 64)
    #expect(slip.stdout == "")
    #expect(slip.stderr.contains("工作人员编号“王 芳”格式不对：应为本局工号（如 0231），不是姓名或带空格的文字"))
    let mistyped = try CommandRunner.run(
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9E", "--as-of", "2026-03-02"], environment: environment)
    #expect(mistyped.status == 64)
    #expect(mistyped.stderr.contains("产权单位号码“91370202MA3C5Y7R9E”不是有效的统一社会信用代码"))
    let audit = try CommandRunner.run(["audit", "verify", "--format", "json"], environment: environment)
    #expect(audit.status == 0)
    #expect(audit.stdout.contains("\"events\" : 1") || audit.stdout.contains("\"events\":1"))
  }
}

/// Issue 15, item 1, through the binary: `--dry-run` on a write prints a preview receipt
/// (预览, no number) and leaves the registry as it was.
struct DryRunCommandTests {
  @Test func aDryRunPrintsAPreviewAndWritesNothing() throws {
    let db = try CommandRunner.newRegistry()
    let environment = ["ONEWINDOW_DB": db]
    let preview = try CommandRunner.run(
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02", "--dry-run"],
      environment: environment)
    #expect(preview.status == 0)
    #expect(preview.stdout.hasPrefix("回执预览（未编号，未写入登记库）  "))
    let english = try CommandRunner.run(
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02", "--dry-run", "--lang", "en"],
      environment: environment)
    #expect(english.stdout.hasPrefix("Receipt preview (no number; nothing was written)  "))
    let refused = try CommandRunner.run(
      ["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04", "--dry-run"],
      environment: environment)
    #expect(refused.status == 1)
    #expect(refused.stdout.contains("[RG-004]"))
    let list = try CommandRunner.run(["prefile", "list", "--format", "json"], environment: environment)
    let listed = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])
    #expect(listed.isEmpty)
    let real = try CommandRunner.run(
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], environment: environment)
    #expect(real.stdout.hasPrefix("回执 RCPT-20260302-000001  "))
  }
}
