import Foundation
import OneWindowTestSupport
import Testing

/// `onewindow replay`, the README's main command.
struct ReplayCommandTests {
  @Test func replaysEverySampleScenarioWithExitZero() throws {
    let result = try CommandRunner.run(["replay", "SampleFilings", "--lang", "en"])
    #expect(result.status == 0)
    let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasPrefix("23 scenarios, "))
    #expect(last.hasSuffix(" steps passed"))
    #expect(!result.stdout.contains("FAIL "))
    #expect(result.stderr.isEmpty)
  }

  /// The same replay on PostgreSQL: each scenario in a scratch schema, every one passing, and
  /// no scratch schema left behind.
  @Test func replaysEverySampleScenarioOnPostgres() throws {
    let server = try StoreBackend.postgresURL()
    let result = try CommandRunner.run(["replay", "SampleFilings", "--db", server, "--lang", "en"])
    #expect(result.status == 0, "\(result.stdout.suffix(2000))\(result.stderr)")
    let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last == "23 scenarios, 227 steps: 23 scenarios and 227 steps passed")
    #expect(result.stderr.isEmpty)
    let bad = try CommandRunner.run(["replay", "SampleFilings", "--db", "registry.sqlite", "--lang", "en"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("replay's --db takes a PostgreSQL URL (postgres://…)."))
  }

  @Test func aWrongExpectationExitsOneWithADiffAndJUnit() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-replay-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = String(decoding: try Repository.bytes("SampleFilings/scenarios/11-prefiling-expiry.xml"), as: UTF8.self)
      .replacingOccurrences(of: "../valid/", with: Repository.root + "/SampleFilings/valid/")
      .replacingOccurrences(of: "<Value name=\"status\" equals=\"expired\"/>", with: "<Value name=\"status\" equals=\"active\"/>")
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/expiry.xml"))
    let result = try CommandRunner.run(["replay", folder + "/expiry.xml", "--lang", "en", "--junit", folder + "/junit.xml"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("    value status: expected active, got expired\n"))
    let junit = try String(contentsOfFile: folder + "/junit.xml", encoding: .utf8)
    #expect(junit.contains("<failure message=\"value status: expected active, got expired\">"))
    // Counts exact; every case with the dotted class name and a time; the times add up.
    let steps = text.components(separatedBy: "<Step ").count - 1
    let head = try #require(junit.firstMatch(of: /<testsuites name="onewindow replay" tests="(\d+)" failures="1" errors="0" time="(\d+\.\d{3})">/))
    #expect(Int(head.1) == steps)
    let suite = try #require(junit.firstMatch(of: /<testsuite [^>]* tests="(\d+)" failures="1" errors="0" time="(\d+\.\d{3})">/))
    #expect(Int(suite.1) == steps)
    let cases = junit.matches(of: /<testcase classname="([^"]*)" name="[^"]*" time="(\d+)\.(\d{3})"/)
    #expect(cases.count == steps)
    #expect(Set(cases.map { String($0.1) }) == ["onewindow.replay.expiry"])
    let milliseconds = cases.reduce(0) { $0 + Int($1.2)! * 1000 + Int($1.3)! }
    #expect(String(format: "%d.%03d", milliseconds / 1000, milliseconds % 1000) == String(suite.2))
    #expect(head.2 == suite.2)
  }

  @Test func anUnreadableScenarioExitsTwo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-replay-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data("<ReplayScenario xmlns=\"urn:onewindow:scenario:v1\"><Title>x</Title></ReplayScenario>".utf8)
      .write(to: URL(fileURLWithPath: folder + "/bad.xml"))
    let result = try CommandRunner.run(["replay", folder])
    #expect(result.status == 2)
    #expect(result.stdout.hasPrefix("ERROR \(folder)/bad.xml: "))
  }

  @Test func theImpactOfAnOlderRuleSetIsListed() throws {
    let result = try CommandRunner.run(["replay", "SampleFilings", "--compare-rules-as-of", "2023-11-30", "--lang", "en"])
    #expect(result.status == 0)
    #expect(result.stdout == """
      SampleFilings/scenarios/16-rule-change-semi-finished.xml:48: step f1 validate: REJECTED → ACCEPTED  disappeared FL-006
      SampleFilings/scenarios/19-acceptance-is-not-review.xml:48: step o1 bundle.submit: ACCEPTED → ACCEPTED  disappeared FL-006
      SampleFilings/scenarios/19-acceptance-is-not-review.xml:84: step o4 bundle.decide: REJECTED → ACCEPTED  disappeared RG-009
      SampleFilings/scenarios/19-acceptance-is-not-review.xml:100: step o5 bundle.decide: ACCEPTED → REJECTED  appeared RG-003
      rule set each step's date → 2023-11-30: 4 steps change outcome or findings

      """)
  }
}
