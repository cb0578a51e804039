import Foundation
import OneWindowTestSupport
import Testing

/// Issue 12 through the command line: registries appear only by `registry init`, official time,
/// read-only access, and the smaller faults.
struct RegistryIntegrityCommandTests {
  private func run(_ arguments: [String], db: String) throws -> CommandResult {
    try CommandRunner.run(arguments + ["--db", db])
  }

  private func missingPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("ow-typo-\(UUID().uuidString)/no/such/registry.sqlite").path
  }

  // MARK: Fault 7: registries appear by `registry init` only

  @Test func everyCommandOnAMissingRegistryExitsTwoNamingThePlace() throws {
    let path = missingPath()
    let commands: [[String]] = [
      ["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"],
      ["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--as-of", "2026-04-08"],
      ["prefile", "list"], ["bundle", "list"], ["audit", "verify"], ["validate", Taixingli.zhanqiaoU201],
    ]
    for arguments in commands {
      let result = try run(arguments, db: path)
      #expect(result.status == 2, "\(arguments)")
      #expect(
        result.stderr == "onewindow: 错误：\(path) 处没有登记库；请用 `onewindow registry init --db \(path)` 建立\n",
        "\(arguments): \(result.stderr)")
      let english = try run(arguments + ["--lang", "en"], db: path)
      #expect(english.status == 2, "\(arguments)")
      #expect(english.stderr.contains("onewindow: error: no registry at \(path); make one with"), "\(arguments): \(english.stderr)")
      #expect(!result.stdout.contains("审计日志完整"))
    }
    #expect(FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent) == false)
  }

  @Test func aZeroLengthFileIsNotSilentlyReinitialised() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("registry.sqlite").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let result = try run(["prefile", "list"], db: path)
    #expect(result.status == 2)
    #expect(result.stderr == "onewindow: 错误：\(path) 是空文件，不是登记库；请用 `onewindow registry init --db \(path)` 建立\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
  }

  @Test func registryInitOrCreateMakesOne() throws {
    let path = missingPath()
    let made = try run(["registry", "init", "--lang", "en"], db: path)
    #expect(made.status == 0)
    #expect(made.stdout.hasPrefix("registry created: \(path)\n"))
    #expect(try run(["registry", "init", "--lang", "en"], db: path).stdout.hasPrefix("registry exists: \(path)\n"))
    let other = missingPath()
    let created = try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02", "--create"], db: other)
    #expect(created.status == 0)
  }

  @Test func validateReadsONEWINDOWDBAndNeverTheXDGDefault() throws {
    let db = try CommandRunner.newRegistry()
    _ = try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], db: db)
    let viaEnvironment = try CommandRunner.run(["validate", Taixingli.zhanqiaoU201, "--as-of", "2026-04-08"], environment: ["ONEWINDOW_DB": db])
    #expect(viaEnvironment.status == 1)
    #expect(viaEnvironment.stdout.contains("[TR-001]"))
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("ow-home-\(UUID().uuidString)").path
    let neither = try CommandRunner.run(["validate", Taixingli.zhanqiaoU201, "--as-of", "2026-04-08"], environment: ["XDG_DATA_HOME": home])
    #expect(neither.status == 0)
    #expect(neither.stdout.contains("need the registry") || neither.stdout.contains("需要登记库"))
  }

  // MARK: Fault 4: official time

  @Test func theBusinessDateMayNotLieInTheFutureNorBeforeTheLastEvent() throws {
    let db = try CommandRunner.newRegistry()
    let future = try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "9999-01-01", "--lang", "en"], db: db)
    #expect(future.status == 2)
    #expect(future.stderr.contains("the business date 9999-01-01 is after today"))
    let backdated = try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02", "--format", "xml"], db: db)
    #expect(backdated.status == 0)
    #expect(backdated.stdout.contains("<BusinessDate>2026-03-02</BusinessDate>"))
    #expect(backdated.stdout.contains("<Backdated>true</Backdated>"))
    #expect(backdated.stdout.contains("<RecordedAt>"))
    let past = try run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "1900-01-01", "--lang", "en"], db: db)
    #expect(past.status == 2)
    #expect(past.stderr.contains("the business date 1900-01-01 is before the registry's last event (2026-03-02)"))
    let text = try run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"], db: db)
    #expect(text.stdout.contains("（补录：业务日期早于写入日）"))
  }

  @Test func aDateWithTrailingCharactersIsAUsageError() throws {
    let db = try CommandRunner.newRegistry()
    let result = try run(["prefile", "list", "--as-of", "2026-06-01xyz"], db: db)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("错误：值 '2026-06-01xyz' 不适用于 '--as-of <as-of>'"))
  }

  // MARK: Fault 6: an auditor with read-only rights verifies and leaves nothing behind

  @Test func readsByAUserWhoCannotWriteSucceedAndLeaveNoFiles() throws {
    let db = try CommandRunner.newRegistry()
    _ = try run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], db: db)
    _ = try run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"], db: db)
    let folder = (db as NSString).deletingLastPathComponent
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
    let before = try Data(contentsOf: URL(fileURLWithPath: db))
    let reads: [[String]] = [
      ["prefile", "list", "--as-of", "2026-03-05"], ["prefile", "show", "YBA-370202-2026-000001", "--as-of", "2026-03-05"],
      ["audit", "verify"], ["validate", Taixingli.zhanqiaoU201, "--as-of", "2026-04-08"],
    ]
    for arguments in reads {
      let result = try ReadOnlyUser.run(arguments + ["--db", db])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("readonly"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["registry.sqlite"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
  }

  // MARK: Fault 10

  @Test func anApplicantsIssueIsARefusedReceiptWithExitOne() throws {
    let db = try CommandRunner.newRegistry()
    _ = try run(["bundle", "submit", TianShengJiXiang.muzidawei, "--applicant", "370203199008231423", "--as-of", "2026-05-13"], db: db)
    let refused = try run(["bundle", "issue", "YJS-370202-2026-000001", "--applicant", "370203199008231423", "--as-of", "2026-05-14"], db: db)
    #expect(refused.status == 1)
    #expect(refused.stdout.contains("[RG-001]"))
    #expect(refused.stderr.isEmpty)
  }

  @Test func aFileNameCannotForgeAFindingLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-name-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let name = folder.appendingPathComponent("x.xml\nfake.xml:1: error: [ID-001] forged\u{1B}[2K.xml").path
    try Data("<not-xml".utf8).write(to: URL(fileURLWithPath: name))
    let result = try CommandRunner.run(["validate", name])
    #expect(result.status == 1)
    #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("fake.xml") })
    #expect(result.stdout.contains("x.xml\\nfake.xml:1: error: [ID-001] forged\\u{1B}[2K.xml:1: error:"))
  }
}

/// Runs `onewindow` as a user who may not write the registry: `nobody` when the tests run as
/// root (root may write anything), else the current user (the files are made read-only).
enum ReadOnlyUser {
  static func run(_ arguments: [String]) throws -> CommandResult {
    guard getuid() == 0 else { return try CommandRunner.run(arguments) }
    return try CommandRunner.run(
      ["--reuid=65534", "--regid=65534", "--clear-groups", "--", CommandRunner.binary] + arguments, executable: "/usr/bin/setpriv")
  }
}
