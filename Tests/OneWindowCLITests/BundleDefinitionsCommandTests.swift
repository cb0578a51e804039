import Foundation
import OneWindowTestSupport
import Testing

/// `onewindow bundle definitions [check FILE]`, and a trade a bureau adds from a folder of its
/// own: the built binary loads it with `--definitions` (no rebuild) and runs its whole opening.
struct BundleDefinitionsCommandTests {
  @Test func listsTheShippedDefinitions() throws {
    let result = try CommandRunner.run(["bundle", "definitions", "--lang", "en"])
    #expect(result.status == 0, "\(result.stderr)")
    let heads = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.split(separator: " ")[0]) }
    #expect(heads == ["bookshop", "hotel", "restaurant", "utility-connection"])
    #expect(result.stdout.contains("hotel  Opening a hotel  v1  TradeBundle\n"))
    #expect(result.stdout.contains("  time limits (working days): opening 2, change 2, cancellation 2\n"))
    #expect(result.stdout.contains("before→after: items 12→1, departments 9→9, forms 49→8, materials 54→8, visits 12→1\n"))
    #expect(result.stdout.contains("  - PUBLICATION  Publication business licence (retail)"))
  }

  @Test func checksANewDefinitionAndExplainsEachProblem() throws {
    let good = try FloristFixture()
    defer { good.remove() }
    let passed = try CommandRunner.run(["bundle", "definitions", "check", good.definition, "--lang", "en"])
    #expect(passed.status == 0)
    #expect(passed.stdout == "\(good.definition): passed: the definition florist can be loaded\n")

    var options = FloristFixture.Options()
    options.decision = ""
    options.rule = "ZZ-999"
    let broken = try FloristFixture(options)
    defer { broken.remove() }
    let refused = try CommandRunner.run(["bundle", "definitions", "check", broken.definition, "--lang", "en", "--format", "json"])
    #expect(refused.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(refused.stdout.utf8)) as? [String: Any])
    let problems = try #require(json["problems"] as? [[String: Any]])
    #expect(problems.compactMap { $0["code"] as? String } == ["unknown-rule", "no-decision-path"])
    #expect(problems.compactMap { $0["line"] as? Int } == [14, 24])

    let missing = try CommandRunner.run(["bundle", "definitions", "check", good.folder + "/none.xml"])
    #expect(missing.status == 2)
  }

  @Test func aBrokenDefinitionInAFolderIsListedAsRefused() throws {
    var options = FloristFixture.Options()
    options.prefix = "JY-"
    let broken = try FloristFixture(options)
    defer { broken.remove() }
    let result = try CommandRunner.run(["bundle", "definitions", "--definitions", broken.folder, "--lang", "en"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("refused: \(broken.definition)\n"))
    #expect(result.stdout.contains(": error: [prefix-collision] the number prefix JY- of track FLOWERS overlaps FOOD_JY (JY)"))
    #expect(result.stdout.hasPrefix("bookshop  "))
  }

  /// The florist is not in the repository: the same binary validates, accepts, decides and issues
  /// it from the folder given with `--definitions`.
  @Test func aTradeAddedFromAFolderRunsWithoutARebuild() throws {
    let florist = try FloristFixture()
    defer { florist.remove() }
    let packet = florist.folder + "/opening.xml"
    try FloristFixture.opening().write(toFile: packet, atomically: true, encoding: .utf8)
    let unknown = try CommandRunner.run(["validate", packet, "--lang", "en"])
    #expect(unknown.status == 1)
    #expect(unknown.stdout.contains("error: [TB-001] there is no bundle definition florist"))
    let definitions = ["--definitions", florist.folder]
    #expect(try CommandRunner.run(["validate", packet] + definitions).status == 0)

    let db = try CommandRunner.newRegistry()
    let environment = ["ONEWINDOW_DB": db]
    let submit = try CommandRunner.run(
      ["bundle", "submit", packet, "--applicant", FloristFixture.applicant, "--as-of", "2026-06-01"] + definitions, environment: environment)
    #expect(submit.status == 0, "\(submit.stdout)\(submit.stderr)")
    #expect(submit.stdout.contains("YJS-370202-2026-000001"))
    for (track, clerk) in [("business", "0231"), ("flowers", "0233")] {
      let decided = try CommandRunner.run(
        ["bundle", "decide", "YJS-370202-2026-000001", "--track", track, "--approve", "--clerk", clerk, "--as-of", "2026-06-01"]
          + definitions, environment: environment)
      #expect(decided.status == 0, "\(decided.stdout)\(decided.stderr)")
    }
    let issued = try CommandRunner.run(
      ["bundle", "issue", "YJS-370202-2026-000001", "--clerk", "0231", "--as-of", "2026-06-02", "--format", "json"] + definitions,
      environment: environment)
    #expect(issued.status == 0, "\(issued.stdout)\(issued.stderr)")
    let receipt = try #require(try JSONSerialization.jsonObject(with: Data(issued.stdout.utf8)) as? [String: Any])
    let licences = try #require(receipt["licences"] as? [String: Any])
    #expect((licences["uscc"] as? String)?.hasPrefix("92370202") == true)
    let permits = try #require(licences["permits"] as? [[String: String]])
    #expect(permits == [["track": "FLOWERS", "number": "青南花字20260001"]])
    let shown = try CommandRunner.run(["bundle", "show", "YJS-370202-2026-000001", "--lang", "en"] + definitions, environment: environment)
    #expect(shown.stdout.contains("  FLOWERS  青南花字20260001  市南区芳华花店  2026-06-02..2029-06-01\n"))
    #expect(shown.stdout.contains("  Florist filing  approved"))
  }
}
