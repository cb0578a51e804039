import Foundation
import OneWindowTestSupport
import Testing

/// `onewindow accounts` and `onewindow serve` from the command line: the one-time bootstrap, the
/// local `--clerk` held to the registry's clerk accounts once there are any, and `serve` refusing
/// a missing registry.
struct AccountsCommandTests {
  private func run(_ arguments: [String], db: String) throws -> CommandResult {
    try CommandRunner.run(arguments, environment: ["ONEWINDOW_DB": db])
  }

  @Test func theBootstrapRunsOnceAndPrintsAOneTimePassword() throws {
    let db = try CommandRunner.newRegistry()
    let first = try run(["accounts", "bootstrap", "--staff-number", "0001", "--name", "管理员", "--bcrypt-cost", "4"], db: db)
    #expect(first.status == 0)
    let password = try #require(first.stdout.split(separator: "\n").last.map(String.init))
    #expect(password.count == 20)
    let second = try run(["accounts", "bootstrap", "--staff-number", "0002", "--name", "又一个", "--bcrypt-cost", "4"], db: db)
    #expect(second.status == 2)
    #expect(second.stderr == "onewindow: 错误：登记库已有账号；初始化只能运行一次（其他账号由管理员添加）\n")
    let list = try run(["accounts", "list"], db: db)
    #expect(list.stdout.contains("admin"))
    #expect(!list.stdout.contains(password))
  }

  @Test func onceThereAreClerkAccountsTheLocalClerkMustBeAnActiveOne() throws {
    let db = try CommandRunner.newRegistry()
    #expect(try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], db: db).status == 0)
    #expect(try run(["accounts", "bootstrap", "--staff-number", "0001", "--name", "管理员", "--bcrypt-cost", "4"], db: db).status == 0)
    let stranger = try run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231"], db: db)
    #expect(stranger.status == 1)
    #expect(stranger.stdout.contains("error: [RG-001]"))
    let added = try CommandRunner.run(
      ["accounts", "add", "reviewer1", "--kind", "CLERK", "--identity", "0231", "--name", "审查员", "--roles", "REVIEWER", "--bcrypt-cost", "4"],
      environment: ["ONEWINDOW_DB": db])
    #expect(added.status == 0, "\(added.stderr)")
    let clerk = try run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231"], db: db)
    #expect(clerk.status == 0, "\(clerk.stdout)")
  }

  /// A clerk's service centre is one the policy lists (its 街道 name or code), stored as the code.
  @Test func aClerksCentreIsOneThePolicyLists() throws {
    let db = try CommandRunner.newRegistry()
    let nowhere = try run(["accounts", "bootstrap", "--staff-number", "0001", "--name", "管理员", "--service-centre", "东海路街道", "--bcrypt-cost", "4"], db: db)
    #expect(nowhere.status == 64)
    #expect(nowhere.stderr.hasPrefix("错误：'东海路街道' is not a known service centre; known: 370202 市南区"))
    #expect(try run(["accounts", "bootstrap", "--staff-number", "0001", "--name", "管理员", "--service-centre", "中山路街道", "--bcrypt-cost", "4"], db: db).status == 0)
    let list = try run(["accounts", "list"], db: db)
    #expect(list.stdout.contains("  370202005  "), "\(list.stdout)")
  }

  @Test func serveOnAMissingRegistryExitsTwo() throws {
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-missing-\(UUID().uuidString).sqlite").path
    let result = try CommandRunner.run(["serve", "--db", missing, "--port", "0"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(missing))
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test func replayModeListensOnLoopbackOnly() throws {
    let result = try CommandRunner.run(["serve", "--host", "0.0.0.0", "--replay-token", "a-token-of-enough-length"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("错误：回放模式只监听本机回环地址。\n"))
    let english = try CommandRunner.run(["serve", "--host", "0.0.0.0", "--replay-token", "a-token-of-enough-length", "--lang", "en"])
    #expect(english.status == 64)
    #expect(english.stderr.hasPrefix("Error: Replay mode listens on the loopback address only.\n"))
  }
}
