import Foundation
import OneWindowTestSupport
import Testing

/// `onewindow stats`: the published figures from a registry or over the replayed sample
/// scenarios (golden text and JSON, rewritten with `ONEWINDOW_UPDATE_GOLDENS=1`), and its exit
/// codes.
struct StatsCommandTests {
  static let folder = "Tests/OneWindowCLITests/Goldens"

  /// The figures of every sample scenario's registry, added up: text in both languages and JSON.
  @Test(arguments: [
    (["--lang", "zh"], "stats-replay.zh.txt"), (["--lang", "en"], "stats-replay.en.txt"),
    (["--format", "json"], "stats-replay.json"),
  ])
  func theReplayedScenariosFiguresMatchTheirGolden(options: [String], golden: String) throws {
    let result = try CommandRunner.run(["stats", "--replay", "SampleFilings"] + options)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let relative = Self.folder + "/" + golden
    let expected = try Golden.expected(at: relative, actual: result.stdout)
    #expect(expected == result.stdout, "\(relative) differs; rewrite with ONEWINDOW_UPDATE_GOLDENS=1 and review")
  }

  @Test func aRegistrysFiguresAfterARegistration() throws {
    let db = try CommandRunner.newRegistry()
    let environment = ["ONEWINDOW_DB": db]
    #expect(try CommandRunner.run(["prefile", "submit", Taixingli.preFiling, "--owner", "91370202MA3C5Y7R9D", "--as-of", "2026-03-02"], environment: environment).status == 0)
    #expect(try CommandRunner.run(["prefile", "review", "RCPT-20260302-000001", "--approve", "--clerk", "0231", "--as-of", "2026-03-04"], environment: environment).status == 0)
    let registered = try CommandRunner.run(
      ["register", Taixingli.zhanqiaoU201, "--clerk", "0232", "--service-centre", "370202005", "--as-of", "2026-04-08"], environment: environment)
    #expect(registered.status == 0)
    #expect(registered.stdout.contains("  受理服务中心: 370202005 中山路街道\n"))
    let text = try CommandRunner.run(["stats", "--as-of", "2026-04-30", "--lang", "en"], environment: environment)
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("OneWindow figures (as of 2026-04-30)\n"))
    #expect(text.stdout.contains("  370202005 中山路街道: registrations 1 (materials saved 3 of 4, 75.0%);"))
    let json = try CommandRunner.run(["stats", "--as-of", "2026-04-30", "--format", "json"], environment: environment)
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let registrations = object?["registrations"] as? [String: Any]
    #expect(registrations?["accepted"] as? Int == 1)
    #expect((registrations?["materialsSaved"] as? [String: Any])?["fullSet"] as? Int == 4)
  }

  @Test func exitCodes() throws {
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-no-\(UUID().uuidString)/registry.sqlite").path
    let absent = try CommandRunner.run(["stats", "--db", missing])
    #expect(absent.status == 2)
    #expect(absent.stderr.contains(missing))
    #expect(absent.stdout.isEmpty)
    let empty = try CommandRunner.run(["stats", "--db", try CommandRunner.newRegistry(), "--as-of", "2026-06-30"])
    #expect(empty.status == 0)
    #expect(empty.stdout.hasPrefix("一窗通办统计（截至 2026-06-30）\n"))
    #expect(try CommandRunner.run(["stats", "--replay", "SampleFilings", "--db", missing]).status == 64)
    #expect(try CommandRunner.run(["stats", "--replay", "no/such/folder"]).status == 2)
    #expect(try CommandRunner.run(["stats", "--replay", "SampleFilings", "--as-of", "2026-06-30"]).status == 64)
    #expect(try CommandRunner.run(["stats", "--format", "xml"]).status == 64)
  }
}
