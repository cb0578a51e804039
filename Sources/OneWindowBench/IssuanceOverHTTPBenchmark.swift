import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import OneWindowKit
import OneWindowServer

/// Issued bundles per second over HTTP against the same bundles through the library in process.
///
/// `onewindow serve`'s service runs in this process on a loopback socket over a file registry
/// (WAL, `synchronous=FULL`); an HTTP client signs in as the applicant and two clerks and sends
/// each bundle the whole way: `POST /v1/bundles`, the food and business decisions, the issuance.
/// The peer does the same four writes through `Registry` on a second file registry. Bundle by
/// bundle they alternate, so the disk's moods hit both. The ratio is HTTP bundles/s ÷ in-process
/// bundles/s.
struct IssuanceOverHTTPBenchmark {
  let oneWindow: OneWindow
  let directory: String
  let samples: String
  let bundles: Int

  static let day = CivilDate(year: 2026, month: 5, day: 13)!
  static let password = "benchmark password 1"

  func run() async throws {
    let servedPath = directory + "/issuance-http.sqlite"
    let localPath = directory + "/issuance-local.sqlite"
    for file in [servedPath, localPath] {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
    let served = try Registry(oneWindow: oneWindow, path: servedPath, create: true)
    let local = try Registry(oneWindow: oneWindow, path: localPath, create: true)
    let accounts: [(String, AccountKind, String, [ClerkRole])] = [
      ("applicant", .applicant, IssuanceBenchmark.operator_, []),
      ("food", .clerk, "0233", [.reviewer, .inspector]),
      ("business", .clerk, "0231", [.reviewer, .issuer]),
    ]
    for (username, kind, identity, roles) in accounts {
      let account = try AccountRules.account(
        username: username, kind: kind, identity: identity, identityType: nil, name: username, roles: roles, serviceCentre: nil)
      try await served.addAccount(account, passwordHash: Passwords.hash(Self.password, cost: 4), by: .system, clock: .fixed(Self.day))
    }
    let packets = try IssuanceBenchmark.packets(samples: samples, count: bundles)

    var options = ServiceOptions()
    options.port = 0
    options.bcryptCost = 4
    options.clock = .fixed(Self.day)
    let openAPI = try OneWindowService.openAPIDocument(schemasFolder: oneWindow.schemasFolder)
    var logger = Logger(label: "bench")
    logger.logLevel = .error
    let service = OneWindowService(oneWindow: oneWindow, registry: served, options: options, openAPI: openAPI, logger: logger)
    let (ports, portSink) = AsyncStream<Int>.makeStream()
    let server = Task { try await service.application { port in portSink.yield(port) }.runService() }
    defer { server.cancel() }
    var port = 0
    for await value in ports {
      port = value
      break
    }
    let client = Client(base: "http://127.0.0.1:\(port)")
    var tokens: [String: String] = [:]
    for (username, _, _, _) in accounts { tokens[username] = try await client.signIn(username, Self.password) }

    var overHTTP = 0.0
    var inProcess = 0.0
    for (number, packet) in packets {
      inProcess += try await Timing.seconds { try await issueInProcess(number, packet, local) }
      overHTTP += try await Timing.seconds { try await client.issue(number, packet, tokens) }
    }
    let httpRate = Double(bundles) / overHTTP
    let localRate = Double(bundles) / inProcess
    print("issuance over HTTP: \(bundles) bundles, each submit → food decision → business decision → issue, durable commits")
    print("  over HTTP (loopback, bearer tokens): \(Timing.format(httpRate, digits: 1)) issued bundles/s")
    print("  in process (Registry):               \(Timing.format(localRate, digits: 1)) issued bundles/s → ratio \(Timing.format(httpRate / localRate))")
    Timing.result("issuance_http.bundles", String(bundles))
    Timing.result("issuance_http.http_per_s", Timing.format(httpRate, digits: 2))
    Timing.result("issuance_http.in_process_per_s", Timing.format(localRate, digits: 2))
    Timing.result("issuance_http.ratio", Timing.format(httpRate / localRate, digits: 3))
  }

  private func issueInProcess(_ index: Int, _ packet: [UInt8], _ registry: Registry) async throws {
    let clock = RegistryClock.fixed(Self.day)
    let submitted = try await registry.submitBundle(
      PacketSource(displayName: "bundle-\(index).xml", kind: .memory(bytes: packet)), by: .applicant(IssuanceBenchmark.operator_),
      clock: clock)
    guard submitted.outcome == .accepted, let number = submitted.subject else { throw BenchError("bundle \(index) was refused") }
    let steps = [
      try await registry.decideTrack(
        number, track: .food, decision: .approve(inspection: InspectionRecord(inspectedOn: Self.day, inspectors: ["0301", "0302"])),
        by: .clerk("0233"), clock: clock),
      try await registry.decideTrack(number, track: .business, decision: .approve(), by: .clerk("0231"), clock: clock),
      try await registry.issueBundle(number, by: .clerk("0231"), clock: clock),
    ]
    for receipt in steps where receipt.outcome != .accepted {
      throw BenchError("bundle \(number): \(receipt.operation) was refused")
    }
  }

  /// The HTTP side: one request per write, answers checked.
  struct Client {
    let base: String

    func signIn(_ username: String, _ password: String) async throws -> String {
      let body = try JSONSerialization.data(withJSONObject: ["username": username, "password": password])
      let answer = try await send(.POST, "/v1/sessions", body: Array(body), type: "application/json", token: nil)
      guard let token = (try JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any])?["token"] as? String else {
        throw BenchError("\(username) could not sign in")
      }
      return token
    }

    func issue(_ index: Int, _ packet: [UInt8], _ tokens: [String: String]) async throws {
      let submitted = try await send(.POST, "/v1/bundles", body: packet, type: "application/xml", token: tokens["applicant"])
      guard let number = (try JSONSerialization.jsonObject(with: Data(submitted)) as? [String: Any])?["subject"] as? String else {
        throw BenchError("bundle \(index) has no number")
      }
      let food = #"{"decision":"APPROVE","inspection":{"inspectedOn":"\#(IssuanceOverHTTPBenchmark.day)","inspectors":["0301","0302"],"result":"PASS"}}"#
      _ = try await send(.POST, "/v1/bundles/\(number)/tracks/food/decision", body: Array(food.utf8), type: "application/json", token: tokens["food"])
      _ = try await send(
        .POST, "/v1/bundles/\(number)/tracks/business/decision", body: Array(#"{"decision":"APPROVE"}"#.utf8), type: "application/json",
        token: tokens["business"])
      _ = try await send(.POST, "/v1/bundles/\(number)/issuance", body: nil, type: nil, token: tokens["business"])
    }

    /// Sends a request; anything but 2xx is an error.
    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]?, type: String?, token: String?) async throws -> [UInt8] {
      var request = HTTPClientRequest(url: base + path)
      request.method = method
      if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
      if let type { request.headers.add(name: "Content-Type", value: type) }
      if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
      let bytes = Array(try await response.body.collect(upTo: 16 << 20).readableBytesView)
      guard (200..<300).contains(response.status.code) else {
        throw BenchError("\(method) \(path): \(response.status.code) \(String(decoding: bytes.prefix(300), as: UTF8.self))")
      }
      return bytes
    }
  }
}

