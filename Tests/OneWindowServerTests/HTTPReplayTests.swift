import Foundation
import HTTPTypes
import HummingbirdTesting
import OneWindowKit
import OneWindowServer
import OneWindowTestSupport
import Testing

/// `onewindow serve --replay-token` and `onewindow replay --server`: every sample scenario over a
/// real socket gives the same step results, byte for byte in the JSON report, as in process.
@Suite struct HTTPReplayTests {
  static let token = "replay-token-for-the-tests"

  @Test(.timeLimit(.minutes(5))) func everyScenarioGivesTheSameResultsOverHTTP() async throws {
    let fixture = try await ServiceFixture { $0.replayToken = Self.token }
    let oneWindow = RegistryHarness.oneWindow
    let paths = [Repository.samples + "/scenarios"]
    let inProcess = await oneWindow.replay(paths)
    let overHTTP = try await fixture.service.application().test(.live) { client in
      let port = try #require(client.port)
      return await HTTPReplay(server: "http://127.0.0.1:\(port)", token: Self.token).replay(paths, oneWindow: oneWindow)
    }
    #expect(inProcess.scenarios.count == 23)
    #expect(overHTTP.outcome == .accepted)
    let renderer = ReplayRenderer(language: .zh)
    #expect(renderer.json(overHTTP) == renderer.json(inProcess))
  }

  @Test func aWrongTokenIsRefusedAndReplayHeadersMeanNothingOutsideReplayMode() async throws {
    let replaying = try await ServiceFixture { $0.replayToken = Self.token }
    try await replaying.test { client in
      let wrong = try await client.send(
        .post, "/v1/replay/registries", as: .anonymous, body: Array("{}".utf8), type: "application/json",
        headers: [.init("X-Replay-Token")!: "not-the-token-at-all"])
      #expect(wrong.status == .unauthorized)
      let right = try await client.send(
        .post, "/v1/replay/registries", as: .anonymous, body: Array("{}".utf8), type: "application/json",
        headers: [.init("X-Replay-Token")!: Self.token])
      #expect(right.status == .created)
    }
    let serving = try await ServiceFixture()
    try await serving.test { client in
      // Acting as a clerk by header is not possible: the header is ignored and the request is anonymous.
      let answer = try await client.send(
        .post, "/v1/prefilings", as: .anonymous, body: try Repository.bytes("SampleFilings/valid/prefiling/taixingli.xml"),
        headers: [.init("X-Replay-Token")!: Self.token, .init("X-Replay-Actor")!: "CLERK:0231"])
      #expect(answer.status == .unauthorized)
    }
  }
}
