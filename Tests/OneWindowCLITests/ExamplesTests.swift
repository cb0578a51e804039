import Foundation
import OneWindowTestSupport
import Testing

/// The shell examples of the README and of every guide run in order, each document in a fresh
/// folder with the built `onewindow` on the path (`scripts/run-doc-examples.py`): every command
/// exits as its comment says (0 unless `# exit N`), blocks needing the service start it.
struct ExamplesTests {
  struct Result: Decodable {
    struct Failure: Decodable {
      var block: String
      var command: String
      var status: Int
      var expected: Int
      var output: String
    }
    var ran: [String]
    var skipped: [String]
    var failure: Failure?
  }

  /// Every document with shell examples, and the blocks each must run at least.
  static let documents: [(path: String, minimumBlocks: Int)] = [
    ("README.md", 2),
    ("Documentation/ClerkGuide.md", 5),
    ("Documentation/CommandReference.md", 8),
    ("Documentation/Service.md", 4),
    ("Documentation/Receipts.md", 1),
    ("Documentation/JSON.md", 0),
    ("Documentation/Installing.md", 2),
    ("Documentation/Registry.md", 2),
    ("Documentation/BundleDefinitions.md", 2),
    ("Documentation/Developer.md", 0),
  ]

  @Test(arguments: documents.map(\.path))
  func theExamplesOfADocumentRunInOrder(_ document: String) throws {
    let output: String
    do {
      output = try Python.run(script: "scripts/run-doc-examples.py", arguments: ["--binary", CommandRunner.binary, document])
    } catch let failure as Python.Failure {
      // The script exits 1 when a block failed; its JSON still says where.
      output = failure.output ?? ""
      if output.isEmpty { throw failure }
    }
    let results = try JSONDecoder().decode([String: Result].self, from: Data(output.utf8))
    let result = try #require(results[document])
    let minimum = try #require(Self.documents.first { $0.path == document }?.minimumBlocks)
    #expect(result.ran.count >= minimum, "ran \(result.ran); skipped \(result.skipped)")
    if let failure = result.failure {
      Issue.record(
        "\(failure.block): `\(failure.command)` exited \(failure.status), expected \(failure.expected)\n\(failure.output)")
    }
  }

  /// The README's blocks by name: the main command and `serve` run, the test command itself not.
  @Test func theReadmeRunsItsMainCommandAndServe() throws {
    let output = try Python.run(script: "scripts/run-doc-examples.py", arguments: ["--binary", CommandRunner.binary, "README.md"])
    let result = try #require(try JSONDecoder().decode([String: Result].self, from: Data(output.utf8))["README.md"])
    #expect(result.ran == [
      "README.md § The main command: replay every sample application through a fresh registry #1",
      "README.md § Serve the registry over HTTP #1",
    ])
    #expect(result.skipped == [
      "README.md § Run the tests (Debian, Swift 6; installs what is missing, then `swift test`) #1 (it is the test command itself)"
    ])
    #expect(result.failure == nil)
  }

  /// Every Markdown page with a `sh` block is in the list above (a new guide is not forgotten).
  @Test func everyDocumentWithShellExamplesIsRun() throws {
    let pages = ["README.md"] + Repository.files(under: "Documentation", suffix: ".md")
    let withExamples = try pages.filter { try String(contentsOfFile: Repository.path($0), encoding: .utf8).contains("```sh\n") }
    #expect(Set(withExamples) == Set(Self.documents.map(\.path)))
  }
}
