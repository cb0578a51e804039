import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// `onewindow --version`: the tool's version, the build's commit, the rule set's date, each
/// packet family's schema namespace and libxml2, in the interface language.
struct VersionCommandTests {
  /// The family lines as `Schemas/MANIFEST` lists the entry schemas, padded like the command.
  static func familyLines() throws -> [String] {
    let manifest = String(decoding: try Repository.bytes("Schemas/MANIFEST"), as: UTF8.self)
    let entries = manifest.split(separator: "\n").filter { $0.hasPrefix("entry ") }.map { line in
      let fields = line.split(separator: " ")
      return (String(fields[1].split(separator: "/")[0]), String(fields[2]))
    }
    let width = entries.map(\.0.count).max() ?? 0
    return entries.map { "  \($0.0)\(String(repeating: " ", count: width - $0.0.count))  \($0.1)" }
  }

  static func policyDate() throws -> String {
    let policy = try JSONSerialization.jsonObject(with: Data(try Repository.bytes("Data/policy.json"))) as? [String: Any]
    return try #require(policy?["version"] as? String)
  }

  @Test func printsEveryVersionInChinese() throws {
    let result = try CommandRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let expected =
      [
        "onewindow \(OneWindowVersion.current)",
        "构建提交：unknown（无构建记录：不是由 scripts/install.sh 安装的）",
        "规则集日期：\(try Self.policyDate())（\(Repository.data)/policy.json 的 version）",
        "数据包 XSD：\(Repository.schemas)",
      ] + (try Self.familyLines()) + ["libxml2：\(OneWindow.libxml2Version)"]
    #expect(result.stdout == expected.joined(separator: "\n") + "\n")
  }

  @Test func printsEveryVersionInEnglish() throws {
    let result = try CommandRunner.run(["--version"], environment: ["ONEWINDOW_LANG": "en"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let expected =
      [
        "onewindow \(OneWindowVersion.current)",
        "commit: unknown (no build stamp: not installed by scripts/install.sh)",
        "rule set of: \(try Self.policyDate()) (version of \(Repository.data)/policy.json)",
        "packet schemas: \(Repository.schemas)",
      ] + (try Self.familyLines()) + ["libxml2: \(OneWindow.libxml2Version)"]
    #expect(result.stdout == expected.joined(separator: "\n") + "\n")
  }

  @Test func libxml2IsTheDottedRuntimeVersion() {
    let parts = OneWindow.libxml2Version.split(separator: ".")
    #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "\(OneWindow.libxml2Version)")
    #expect(OneWindow.libxml2Version.hasPrefix("2."))
  }

  /// Any command's `--version` is the same report, and `--lang en` chooses English for it too.
  @Test func aSubcommandsVersionIsTheSameReport() throws {
    let root = try CommandRunner.run(["--version"], environment: ["ONEWINDOW_LANG": "en"])
    let validate = try CommandRunner.run(["validate", "--lang", "en", "--version"])
    #expect(validate.status == 0)
    #expect(validate.stdout == root.stdout)
  }

  /// Missing folders are said on their lines; the command still answers, with exit 0.
  @Test func saysWhatIsMissingAndStillSucceeds() throws {
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-missing-\(UUID().uuidString)").path
    let environment = ["ONEWINDOW_SCHEMAS": missing + "/Schemas", "ONEWINDOW_DATA": missing + "/Data"]
    let chinese = try CommandRunner.run(["--version"], environment: environment)
    #expect(chinese.status == 0)
    #expect(chinese.stderr.isEmpty)
    let lines = chinese.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[2] == "规则集日期：未找到 Data 文件夹（已查找：\(missing)/Data）")
    #expect(lines[3] == "数据包 XSD：未找到 Schemas 文件夹（已查找：\(missing)/Schemas）")
    var english = environment
    english["ONEWINDOW_LANG"] = "en"
    let englishLines = try CommandRunner.run(["--version"], environment: english).stdout.split(separator: "\n")
    #expect(englishLines[2] == "rule set of: no Data folder found (looked in: \(missing)/Data)")
    #expect(englishLines[3] == "packet schemas: no Schemas folder found (looked in: \(missing)/Schemas)")
  }

  /// Edited schemas are named as such, with the namespaces read from the files themselves.
  @Test func namesSchemasThatDifferFromTheirManifest() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let schemas = folder + "/Schemas"
    try FileManager.default.copyItem(atPath: Repository.schemas, toPath: schemas)
    let prefiling = schemas + "/prefiling/PreFiling-v1.xsd"
    let text = try String(contentsOfFile: prefiling, encoding: .utf8)
    try (text + "\n<!-- edited -->\n").write(toFile: prefiling, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["--version"], environment: ["ONEWINDOW_SCHEMAS": schemas, "ONEWINDOW_LANG": "en"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines[3] == "packet schemas: \(schemas) (differs from its MANIFEST: edited schemas)")
    #expect(Array(lines[4..<(lines.count - 1)]) == (try Self.familyLines()))
    let chinese = try CommandRunner.run(["--version"], environment: ["ONEWINDOW_SCHEMAS": schemas])
    #expect(chinese.stdout.split(separator: "\n")[3] == "数据包 XSD：\(schemas)（与 MANIFEST 不一致：XSD 已被修改）")
  }

  /// An installed layout: `scripts/install.sh` stamps `share/onewindow/COMMIT` beside
  /// `bin/onewindow`, which the binary reads relative to its own path.
  @Test func printsTheCommitStampedBesideTheBinary() throws {
    let prefix = try Self.installLayout()
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let binary = prefix + "/bin/onewindow"
    let stamp = prefix + "/share/onewindow/COMMIT"
    let commit = "0123456789abcdef0123456789abcdef01234567"
    try (commit + "\n").write(toFile: stamp, atomically: true, encoding: .utf8)
    let chinese = try CommandRunner.run(["--version"], executable: binary)
    #expect(chinese.status == 0)
    #expect(chinese.stdout.split(separator: "\n").prefix(2) == ["onewindow \(OneWindowVersion.current)", "构建提交：\(commit)"])
    let english = try CommandRunner.run(["--version"], environment: ["ONEWINDOW_LANG": "en"], executable: binary)
    #expect(english.stdout.split(separator: "\n")[1] == "commit: \(commit)")

    // Installed from outside a git checkout: the stamp says `unknown`.
    try "unknown\n".write(toFile: stamp, atomically: true, encoding: .utf8)
    let unknown = try CommandRunner.run(["--version"], executable: binary)
    #expect(unknown.stdout.split(separator: "\n")[1] == "构建提交：unknown（安装时不在 git 检出目录中）")
    let unknownEnglish = try CommandRunner.run(["--version"], environment: ["ONEWINDOW_LANG": "en"], executable: binary)
    #expect(unknownEnglish.stdout.split(separator: "\n")[1] == "commit: unknown (installed from outside a git checkout)")
  }

  static func temporaryFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-version-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// `<tmp>/bin/onewindow` (a hard link to the built binary, a copy across file systems) and an
  /// empty `<tmp>/share/onewindow/`.
  static func installLayout() throws -> String {
    let prefix = try temporaryFolder()
    try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: prefix + "/share/onewindow", withIntermediateDirectories: true)
    do {
      try FileManager.default.linkItem(atPath: CommandRunner.binary, toPath: prefix + "/bin/onewindow")
    } catch {
      try FileManager.default.copyItem(atPath: CommandRunner.binary, toPath: prefix + "/bin/onewindow")
    }
    return prefix
  }
}
