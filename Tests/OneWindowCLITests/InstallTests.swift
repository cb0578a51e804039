import Foundation
import OneWindowTestSupport
import Testing

/// What `scripts/install.sh` builds its man pages from, checked through the debug binary: the
/// `--experimental-dump-help` that argument-parser's generate-manual reads, and
/// `scripts/man-pages.sh`'s ASCII-protected copy of it. The full install (a release build, minutes
/// long) runs only with `ONEWINDOW_TEST_INSTALL=1`.
struct InstallTests {
  static func dumpHelp(_ environment: [String: String] = [:]) throws -> [String: Any] {
    let result = try CommandRunner.run(["--experimental-dump-help"], environment: environment)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  static func subcommandNames(_ command: [String: Any]) -> [String] {
    ((command["subcommands"] as? [[String: Any]]) ?? []).compactMap { $0["commandName"] as? String }
  }

  @Test func dumpHelpDescribesEveryCommandInTheInterfaceLanguage() throws {
    for environment in [[:], ["ONEWINDOW_LANG": "en"]] {
      let dump = try Self.dumpHelp(environment)
      #expect(dump["serializationVersion"] as? Int == 0)
      let root = try #require(dump["command"] as? [String: Any])
      #expect(root["commandName"] as? String == "onewindow")
      #expect(
        Self.subcommandNames(root) == [
          "validate", "rules", "prefile", "register", "bundle", "calendar", "replay", "audit", "registry", "serve",
          "accounts", "stats", "help",
        ])
      let arguments = try #require(root["arguments"] as? [[String: Any]])
      let version = try #require(arguments.first { ($0["names"] as? [[String: Any]])?.first?["name"] as? String == "version" })
      #expect(version["abstract"] as? String == (environment.isEmpty ? "显示版本信息。" : "Show the version."))
    }
  }

  /// generate-manual keeps only ASCII; `man-pages.sh protected-help` hands it the same help with
  /// each other character as a placeholder that turns back into exactly that character.
  @Test func manPagesGetTheHelpWithEveryCharacterRecoverable() throws {
    for language in ["zh", "en"] {
      let plain = try CommandRunner.run(["--experimental-dump-help"], environment: ["ONEWINDOW_LANG": language]).stdout
      let protected = try CommandRunner.run(
        [Repository.path("scripts/man-pages.sh"), "protected-help", CommandRunner.binary, language],
        executable: "/bin/bash")
      #expect(protected.status == 0, "\(protected.stderr)")
      #expect(protected.stdout.unicodeScalars.allSatisfy { $0.isASCII })
      #expect(protected.stdout.contains("\"commandName\" : \"onewindow\""))
      #expect(Self.restored(protected.stdout) == plain)
      if language == "zh" { #expect(protected.stdout.contains("<U+663E><U+793A>")) }  // 显示
    }
  }

  /// `<U+4E00>` → 一, as `man-pages.sh` does with perl.
  static func restored(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let start = rest.range(of: "<U+") {
      result += rest[..<start.lowerBound]
      let digits = rest[start.upperBound...].prefix { $0.isHexDigit }
      let after = rest[start.upperBound...].dropFirst(digits.count)
      guard after.hasPrefix(">"), let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
        result += "<U+"
        rest = rest[start.upperBound...]
        continue
      }
      result.unicodeScalars.append(scalar)
      rest = after.dropFirst()
    }
    return result + rest
  }

  /// The files below `folder`, relative to it, sorted.
  static func files(below folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
        found.append(relative)
      }
    }
    return found.sorted()
  }

  /// The whole `scripts/install.sh` into a temporary prefix, twice (it must be idempotent), with
  /// its own build folder (this test runs inside `swift test`, which holds `.build`). A release
  /// build from scratch: tens of minutes. Run with
  /// `ONEWINDOW_TEST_INSTALL=1 swift test --filter InstallTests`.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["ONEWINDOW_TEST_INSTALL"] == "1"))
  func installsIntoAPrefixWithCompletionsManPagesAndTheCommit() throws {
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-install-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let scratch = ProcessInfo.processInfo.environment["ONEWINDOW_TEST_INSTALL_SCRATCH"] ?? (prefix + "-build")
    var listings: [[String]] = []
    for _ in 0..<2 {
      let install = try CommandRunner.run(
        [Repository.path("scripts/install.sh"), "--prefix", prefix, "--scratch-path", scratch], executable: "/bin/bash")
      #expect(install.status == 0, "\(install.stderr)")
      listings.append(Self.files(below: prefix))
    }
    #expect(listings[0] == listings[1])
    let files = Set(listings[1])
    for expected in [
      "bin/onewindow", "share/onewindow/COMMIT", "share/onewindow/openapi.yaml", "share/onewindow/Schemas/MANIFEST",
      "share/onewindow/Data/policy.json", "share/man/man1/onewindow.1", "share/man/en/man1/onewindow.1",
      "share/bash-completion/completions/onewindow", "share/zsh/site-functions/_onewindow",
      "share/fish/vendor_completions.d/onewindow.fish",
    ] {
      #expect(files.contains(expected), "\(expected)")
    }

    let git = try CommandRunner.run(["-C", Repository.root, "rev-parse", "HEAD"], executable: "/usr/bin/git")
    let head = git.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let version = try CommandRunner.run(["--version"], directory: "/", executable: prefix + "/bin/onewindow")
    let lines = version.stdout.split(separator: "\n").map(String.init)
    #expect(lines[1] == "构建提交：\(head)" || lines[1] == "构建提交：\(head)-dirty")
    #expect(lines[3] == "数据包 XSD：\(prefix)/share/onewindow/Schemas")

    let chinese = try String(contentsOfFile: prefix + "/share/man/man1/onewindow.1", encoding: .utf8)
    #expect(chinese.contains(".Nm onewindow\n"))
    #expect(chinese.contains("显示版本信息。"))
    #expect(!chinese.contains("<U+"))
    let english = try String(contentsOfFile: prefix + "/share/man/en/man1/onewindow.1", encoding: .utf8)
    #expect(english.contains("Show the version."))
    let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/onewindow", encoding: .utf8)
    #expect(bash == (try CompletionScriptTests.script("bash")))
  }
}
