import Foundation
import OneWindowTestSupport
import Testing

/// The `--help` of every command is a golden file (`Help/<command path>.txt`, rewritten with
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
      let help = try CommandRunner.run(path + ["--help"]).stdout
      guard let section = help.range(of: "SUBCOMMANDS:\n") else { continue }
      for line in help[section.upperBound...].split(separator: "\n") {
        guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { continue }
        if name == "See" { break }
        pending.append(path + [String(name)])
      }
    }
    return paths.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
  }

  static func goldenName(_ path: [String]) -> String {
    (path.isEmpty ? "onewindow" : "onewindow-" + path.joined(separator: "-")) + ".txt"
  }

  @Test func everyCommandsHelpMatchesItsGolden() throws {
    let paths = try Self.commandPaths()
    #expect(paths.count >= 25)
    for path in paths {
      let result = try CommandRunner.run(path + ["--help"])
      #expect(result.status == 0, "\(path)")
      let relative = Self.folder + "/" + Self.goldenName(path)
      let expected = try Golden.expected(at: relative, actual: result.stdout)
      #expect(expected == result.stdout, "\(relative) differs; rewrite with ONEWINDOW_UPDATE_GOLDENS=1 and review")
    }
    let goldens = Set((try? FileManager.default.contentsOfDirectory(atPath: Repository.path(Self.folder))) ?? [])
    #expect(goldens == Set(paths.map(Self.goldenName)), "goldens without a command, or commands without a golden")
  }
}
