import Foundation
import OneWindowTestSupport
import Testing

/// The `--help` of every command, in Chinese (the default) and in English (`ONEWINDOW_LANG=en`),
/// is a golden file (`Help/<command path>.txt` and `.en.txt`, rewritten with
/// `ONEWINDOW_UPDATE_GOLDENS=1`). The commands are found by walking the help itself, so a new
/// subcommand without a golden fails here.
struct HelpTests {
  static let folder = "Tests/OneWindowCLITests/Help"

  /// Every command path (`[]` for the root, `["prefile", "submit"]`…), from the help's own
  /// SUBCOMMANDS lists.
  static func commandPaths() throws -> [[String]] {
    var paths: [[String]] = []
    var pending: [[String]] = [[]]
    while let path = pending.popLast() {
      paths.append(path)
      let help = try CommandRunner.run(path + ["--help"], environment: ["ONEWINDOW_LANG": "en"]).stdout
      guard let section = help.range(of: "SUBCOMMANDS:\n") else { continue }
      for line in help[section.upperBound...].split(separator: "\n") {
        guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { continue }
        if name == "See" { break }
        pending.append(path + [String(name)])
      }
    }
    return paths.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
  }

  static func goldenName(_ path: [String], english: Bool = false) -> String {
    (path.isEmpty ? "onewindow" : "onewindow-" + path.joined(separator: "-")) + (english ? ".en.txt" : ".txt")
  }

  @Test func everyCommandsHelpMatchesItsGolden() throws {
    let paths = try Self.commandPaths()
    #expect(paths.count >= 25)
    for path in paths {
      for english in [false, true] {
        let result = try CommandRunner.run(path + ["--help"], environment: english ? ["ONEWINDOW_LANG": "en"] : [:])
        #expect(result.status == 0, "\(path)")
        let relative = Self.folder + "/" + Self.goldenName(path, english: english)
        let expected = try Golden.expected(at: relative, actual: result.stdout)
        #expect(expected == result.stdout, "\(relative) differs; rewrite with ONEWINDOW_UPDATE_GOLDENS=1 and review")
      }
    }
    let goldens = Set((try? FileManager.default.contentsOfDirectory(atPath: Repository.path(Self.folder))) ?? [])
    let expected = paths.flatMap { [Self.goldenName($0), Self.goldenName($0, english: true)] }
    #expect(goldens == Set(expected), "goldens without a command, or commands without a golden")
  }

  /// `--lang en` on the command line chooses English help like the environment does, and wins over it.
  @Test func langOptionChoosesTheHelpLanguage() throws {
    let english = try CommandRunner.run(["validate", "--lang", "en", "--help"], environment: ["ONEWINDOW_LANG": "zh"])
    #expect(english.stdout.hasPrefix("OVERVIEW: Check packets"))
    let chinese = try CommandRunner.run(["validate", "--help"])
    #expect(chinese.stdout.hasPrefix("概述："))
    #expect(chinese.stdout.contains("选项：\n"))
    #expect(chinese.stdout.contains("  -h, --help              显示帮助信息。\n"))
  }
}

/// A mistyped subcommand gets "did you mean", in the interface language, before argument-parser's
/// own error; exit 64.
struct SubcommandSuggestionTests {
  @Test func aMistypedSubcommandGetsASuggestion() throws {
    let chinese = try CommandRunner.run(["valdate", "x.xml"])
    #expect(chinese.status == 64)
    #expect(chinese.stdout.isEmpty)
    #expect(chinese.stderr.hasPrefix("没有子命令 'valdate'，是否想输入 'validate'？\n错误：2 个多余的参数：'valdate', 'x.xml'\n用法：onewindow <subcommand>\n"))
    let nested = try CommandRunner.run(["prefile", "sumbit"], environment: ["ONEWINDOW_LANG": "en"])
    #expect(nested.status == 64)
    #expect(nested.stderr.hasPrefix("No subcommand 'sumbit'. Did you mean 'submit'?\nError: Unexpected argument 'sumbit'\nUsage: onewindow prefile <subcommand>\n"))
    let nothingClose = try CommandRunner.run(["frobnicate"], environment: ["ONEWINDOW_LANG": "en"])
    #expect(nothingClose.status == 64)
    #expect(nothingClose.stderr.hasPrefix("No subcommand 'frobnicate'.\nError: Unexpected argument 'frobnicate'\n"))
  }
}
