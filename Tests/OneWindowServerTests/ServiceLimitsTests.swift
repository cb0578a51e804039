import Foundation
import HTTPTypes
import HummingbirdTesting
import OneWindowKit
import OneWindowTestSupport
import Testing

@testable import OneWindowServer

#if canImport(Glibc)
  import Glibc
#endif

/// Built like a service: bodies capped, validations bounded, sign-ins throttled, stalled
/// connections closed, problems that say nothing of the inside.
@Suite struct ServiceLimitsTests {
  @Test func aBodyOverTheCapIs413WithoutAReceipt() async throws {
    let fixture = try await ServiceFixture { $0.maxBodyBytes = 1024 }
    try await fixture.test { client in
      let packet = try Repository.bytes("SampleFilings/valid/prefiling/taixingli.xml")
      #expect(packet.count > 1024)
      let answer = try await client.send(.post, "/v1/prefilings", as: .owner, body: packet)
      #expect(answer.status == .contentTooLarge)
      #expect(answer.headers[.contentType] == "application/problem+json")
      // Nothing was written: no receipt, no pre-filing.
      let list = try await client.send(.get, "/v1/prefilings", as: .reviewer)
      #expect(list.array.isEmpty)
    }
  }

  @Test func theGateAnswersBusyBeyondItsQueue() async throws {
    let gate = ValidationGate(running: 1, waiting: 0)
    let release = AsyncStream<Void>.makeStream()
    let started = AsyncStream<Void>.makeStream()
    let holder = Task {
      try await gate.admit {
        started.continuation.yield()
        for await _ in release.stream { break }
      }
    }
    for await _ in started.stream { break }
    await #expect(throws: Problem.self) { try await gate.admit { () } }
    release.continuation.yield()
    try await holder.value
    // Free again once the first is done.
    try await gate.admit { () }
  }

  @Test func signInsAreThrottledPerAccount() async throws {
    let fixture = try await ServiceFixture { $0.loginAttempts = 3 }
    try await fixture.test { client in
      for _ in 0..<3 {
        let wrong = try await client.send(.post, "/v1/sessions", as: .anonymous, json: #"{"username":"owner","password":"not the password"}"#)
        #expect(wrong.status == .unauthorized)
      }
      let right = try await client.send(
        .post, "/v1/sessions", as: .anonymous, json: #"{"username":"owner","password":"\#(Persona.password)"}"#)
      #expect(right.status == .tooManyRequests)
      #expect(right.headers[.retryAfter] == "900")
    }
  }

  @Test func anUnknownTokenIs401OnAnOperationButPublicOnesIgnoreIt() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let bogus: HTTPFields = [.authorization: "Bearer " + String(repeating: "ab", count: 32)]
      let write = try await client.send(.get, "/v1/prefilings", as: .anonymous, headers: bogus)
      #expect(write.status == .unauthorized)
      #expect(write.string("detail") == "the token is unknown, expired or revoked")
      #expect(write.headers[.wwwAuthenticate] == "Bearer")
      let rules = try await client.send(.get, "/v1/rules", as: .anonymous, headers: bogus)
      #expect(rules.status == .ok)
    }
  }

  @Test func aSignedOutTokenNoLongerWorks() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let before = try await client.send(.get, "/v1/sessions/current", as: .owner)
      #expect(before.status == .ok)
      let signOut = try await client.send(.delete, "/v1/sessions", as: .owner)
      #expect(signOut.status == .noContent)
      let after = try await client.send(.get, "/v1/sessions/current", as: .owner)
      #expect(after.status == .unauthorized)
    }
  }

  @Test func problemsNameNoInternals() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let bad = try await client.send(.post, "/v1/prefilings/x/review", as: .reviewer, json: "{not json")
      #expect(bad.status == .badRequest)
      #expect(bad.json.keys.sorted() == ["detail", "instance", "requestID", "status", "title", "type"])
      for leak in ["/work/", ".swift", "SQLite", "SELECT", "GRDB", "Error("] {
        #expect(!bad.text.contains(leak))
      }
      let wrongType = try await client.send(.post, "/v1/validate", as: .owner, body: Array("x".utf8), type: "text/plain")
      #expect(wrongType.status == .unsupportedMediaType)
    }
  }

  /// A client that sends half a request and stalls is disconnected after the idle timeout.
  @Test(.timeLimit(.minutes(1))) func aStalledConnectionIsClosed() async throws {
    let fixture = try await ServiceFixture { $0.idleTimeoutSeconds = 1 }
    let closed = try await fixture.service.application().test(.live) { client in
      let port = try #require(client.port)
      return try await Task.detached { try SlowClient.stallsUntilClosed(port: port, seconds: 10) }.value
    }
    #expect(closed)
  }
}

/// A raw socket that sends a partial request line and waits for the server to hang up.
enum SlowClient {
  static func stallsUntilClosed(port: Int, seconds: Int) throws -> Bool {
    guard let descriptor = LoopbackClient.connect(port: port) else { return false }
    defer { close(descriptor) }
    LoopbackClient.send(Array("POST /v1/validate HTTP/1.1\r\nHost: x\r\n".utf8), on: descriptor)
    var timeout = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let started = Date()
    var buffer = [UInt8](repeating: 0, count: 1024)
    while Date().timeIntervalSince(started) < Double(seconds) {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count == 0 { return true }  // the server closed the connection
      if count < 0 { return errno == ECONNRESET }
    }
    return false
  }
}
