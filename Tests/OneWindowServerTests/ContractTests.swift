import Dispatch
import Foundation
import HTTPTypes
import HummingbirdTesting
import OneWindowKit
import OneWindowServer
import OneWindowTestSupport
import Testing

/// `openapi.yaml` is the contract: valid OpenAPI 3.1, naming exactly the routes the service has,
/// its components the JSON Schemas of `Schemas/json`, and what the live service answers
/// (schemathesis, every operation, no `5xx`, every response as documented).
@Suite struct ContractTests {
  @Test func theDocumentIsValidOpenAPI() throws {
    #expect(try Python.run(script: "scripts/openapi.py", arguments: ["validate", "openapi.yaml"]) == "valid\n")
  }

  /// The hand-written routes and the document cannot drift: same methods, same paths.
  @Test func theRoutesAreTheDocumentsOperations() async throws {
    let documented = try Python.run(script: "scripts/openapi.py", arguments: ["routes", "openapi.yaml"])
      .split(separator: "\n").map(String.init).sorted()
    let fixture = try await ServiceFixture { $0.replayToken = "replay-token-for-tests" }
    #expect(fixture.service.routes.sorted() == documented)
  }

  /// The components are the JSON Schemas of `Schemas/json`, copied in by `scripts/openapi.py
  /// components` (rewrite with `ONEWINDOW_UPDATE_GOLDENS=1`).
  @Test func theComponentsAreTheJSONSchemas() throws {
    let regenerated = try Python.run(script: "scripts/openapi.py", arguments: ["components", "openapi.yaml"])
    let stored = try #require(try Golden.expected(at: "openapi.yaml", actual: regenerated))
    #expect(stored == regenerated, "openapi.yaml's components are stale; regenerate them (see scripts/openapi.py)")
    #expect(regenerated.contains("\n  schemas:\n    AccountList:\n"))
  }

  @Test func theServiceServesTheDocument() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let answer = try await client.send(.get, "/openapi.yaml", as: .anonymous)
      #expect(answer.status == .ok)
      #expect(answer.text == (try String(contentsOfFile: Repository.path("openapi.yaml"), encoding: .utf8)))
    }
  }

  @Test func anotherMethodOnAKnownPathIs405WithAllow() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let answer = try await client.send(.put, "/v1/prefilings", as: .owner)
      #expect(answer.status == .methodNotAllowed)
      #expect(answer.headers[.allow] == "GET, POST")
    }
  }

  /// schemathesis (PyPI) against the live service on a real socket, seeded with records, signed
  /// in as a reviewer: a bounded number of examples per operation, a fixed seed. Excluded: signing
  /// out and disabling accounts (they would end the run's own session), and replay mode's
  /// operations (absent outside it). The `positive_data_acceptance` check is off because the
  /// contract answers a schema-valid write the registry refuses with `422` and its receipt.
  @Test(.timeLimit(.minutes(5))) func schemathesisFindsNothing() async throws {
    let fixture = try await ServiceFixture { $0.loginAttempts = 100_000 }
    let output = try await fixture.service.application().test(.live) { client in
      let port = try #require(client.port)
      let signedIn = try await ServiceFixture.Client.signIn(client, .reviewer)
      let records = ServiceFixture.Client(client: client, tokens: [.entering: try await ServiceFixture.Client.signIn(client, .entering),
        .reviewer: signedIn, .otherOwner: try await ServiceFixture.Client.signIn(client, .otherOwner),
        .window: try await ServiceFixture.Client.signIn(client, .window),
        .applicant: try await ServiceFixture.Client.signIn(client, .applicant)])
      _ = try await ServiceFixture.populate(records)
      return try await Schemathesis.runOffThread(port: port, token: signedIn)
    }
    #expect(output.status == 0, "\(output.text)")
  }
}

/// Runs schemathesis in a temporary folder (it keeps a `.hypothesis` database in the working directory).
enum Schemathesis {
  struct Output: Sendable {
    var status: Int32
    var text: String
  }

  /// Waits for the process on a dispatch thread, not on a thread the service needs.
  static func runOffThread(port: Int, token: String) async throws -> Output {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(with: Result { try run(port: port, token: token) })
      }
    }
  }

  static func run(port: Int, token: String) throws -> Output {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemathesis-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      // The module's entry point, not the `schemathesis` script: found through `python3` even where
      // pip's script folder is not on PATH.
      "python3", "-c", "import sys; from schemathesis.cli import schemathesis; sys.argv[0] = 'schemathesis'; sys.exit(schemathesis())",
      "run", Repository.path("openapi.yaml"), "--url", "http://127.0.0.1:\(port)",
      "--max-examples", "10", "--seed", "1", "-H", "Authorization: Bearer \(token)",
      "--exclude-tag", "replay", "--exclude-operation-id", "signOut", "--exclude-operation-id", "disableAccount",
      "--exclude-checks", "positive_data_acceptance", "--no-color",
    ]
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
  }
}
