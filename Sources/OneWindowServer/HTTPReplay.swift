import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
public import OneWindowKit

/// `onewindow replay --server URL --token T`: each scenario on a service in replay mode, over
/// HTTP, in a throwaway registry of its own. The steps and comparisons are the in-process
/// replay's (``OneWindow/replay(scenarioAt:options:backend:)``); only the transport differs.
public struct HTTPReplay: Sendable {
  let base: String
  let token: String

  /// - Parameters:
  ///   - server: the service's address, `http://127.0.0.1:8080`.
  ///   - token: the replay token the service was started with.
  public init(server: String, token: String) {
    base = server.hasSuffix("/") ? String(server.dropLast()) : server
    self.token = token
  }

  /// Replays every scenario under `paths`.
  public func replay(_ paths: [String], oneWindow: OneWindow, options: ReplayOptions = ReplayOptions()) async -> ReplayRun {
    var scenarios: [ReplayScenarioResult] = []
    for path in OneWindow.scenarioFiles(in: paths) {
      scenarios.append(
        await oneWindow.replay(scenarioAt: path, options: options) { scenario in
          try await HTTPReplayBackend.open(base: base, token: token, scenario: scenario, options: options)
        })
    }
    return ReplayRun(scenarios: scenarios, ruleSetDate: options.ruleSetDate)
  }
}

/// A service's error answer, as a replay step's failure.
struct HTTPReplayError: Error, CustomStringConvertible {
  var description: String
}

/// One scenario's throwaway registry on the service.
struct HTTPReplayBackend: ReplayBackend {
  let base: String
  let token: String
  let registry: String
  /// The service centre of the step being played (`X-Replay-Centre`).
  var centre: String? = nil

  static func open(base: String, token: String, scenario: ReplayScenario, options: ReplayOptions) async throws -> HTTPReplayBackend {
    struct Settings: Encodable {
      var ruleSetDate: CivilDate?
      var disabledRules: [String]
    }
    struct Created: Decodable { var id: String }
    let probe = HTTPReplayBackend(base: base, token: token, registry: "")
    let body = try JSONEncoder().encode(
      Settings(
        ruleSetDate: options.ruleSetDate ?? scenario.ruleSetDate, disabledRules: options.disabledRules.map(\.rawValue).sorted()))
    let created: Created = try await probe.call(.POST, "/v1/replay/registries", body: .json(Array(body)))
    return HTTPReplayBackend(base: base, token: token, registry: created.id)
  }

  enum Body {
    case none
    case json([UInt8])
    case packet(PacketSource)
  }

  /// Sends a request as `actor` on `clock`'s business date; decodes a JSON answer, or throws the
  /// problem's text.
  func call<T: Decodable>(
    _ method: HTTPMethod, _ path: String, body: Body = .none, actor: Actor? = nil, asOf: CivilDate? = nil
  ) async throws -> T {
    var request = HTTPClientRequest(url: base + path)
    request.method = method
    request.headers.add(name: "X-Replay-Token", value: token)
    request.headers.add(name: "Accept", value: "application/json")
    if !registry.isEmpty { request.headers.add(name: "X-Replay-Registry", value: registry) }
    if let actor { request.headers.add(name: "X-Replay-Actor", value: "\(actor.role.rawValue):\(actor.id)") }
    if let asOf { request.headers.add(name: "X-Replay-As-Of", value: asOf.description) }
    if let centre { request.headers.add(name: "X-Replay-Centre", value: centre) }
    switch body {
    case .none: break
    case .json(let bytes):
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: bytes))
    case .packet(let source):
      let (type, bytes) = try Self.encode(source)
      request.headers.add(name: "Content-Type", value: type)
      // The packet's name, so findings locate it as the in-process replay does.
      request.headers.add(name: "Content-Disposition", value: Messages.contentDisposition(fileName: source.displayName))
      request.body = .bytes(ByteBuffer(bytes: bytes))
    }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
    let data = try await response.body.collect(upTo: 256 << 20)
    let bytes = Data(data.readableBytesView)
    // Receipts come back 201 or 422; problems are application/problem+json.
    if response.headers.first(name: "Content-Type")?.hasPrefix("application/problem+json") == true {
      let problem = try? JSONDecoder().decode(ProblemText.self, from: bytes)
      throw HTTPReplayError(
        description: "\(response.status.code) \(problem?.title ?? "error")\(problem?.detail.map { ": \($0)" } ?? "")")
    }
    return try JSONDecoder().decode(T.self, from: bytes)
  }

  /// A packet as a request body: XML or zip bytes as they are, a folder as multipart.
  static func encode(_ source: PacketSource) throws -> (String, [UInt8]) {
    switch source.kind {
    case .memory(let bytes):
      return (bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? "application/zip" : "application/xml", bytes)
    case .file(let path), .zip(let path):
      guard let data = FileManager.default.contents(atPath: path) else { throw HTTPReplayError(description: "cannot read \(path)") }
      let bytes = Array(data)
      return (bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? "application/zip" : "application/xml", bytes)
    case .folder(let path):
      var parts: [(name: String, file: String, bytes: [UInt8])] = []
      for file in try FileManager.default.contentsOfDirectory(atPath: path).sorted() {
        var isDirectory: ObjCBool = false
        let full = path + "/" + file
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
          let data = FileManager.default.contents(atPath: full)
        else { continue }
        parts.append(file == "packet.xml" ? ("packet", source.displayName, Array(data)) : (file, file, Array(data)))
      }
      return Multipart.encode(parts)
    case .parts(let packet, let attachments):
      return Multipart.encode(
        [("packet", source.displayName, packet)] + attachments.sorted { $0.key < $1.key }.map { ($0.key, $0.key, $0.value) })
    case .standardInput:
      throw HTTPReplayError(description: "standard input cannot be replayed over HTTP")
    }
  }

  func write(_ method: HTTPMethod, _ path: String, _ body: Body, _ actor: Actor, _ clock: RegistryClock) async throws -> Receipt {
    try await call(method, path, body: body, actor: actor, asOf: clock.today)
  }

  static func json(_ value: some Encodable) throws -> Body { .json(Array(try JSONEncoder().encode(value))) }

  static func escape(_ segment: String) -> String {
    segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? segment
  }

  // MARK: - ReplayBackend

  func validate(_ source: PacketSource, asOf: CivilDate) async throws -> PacketReport {
    struct Document: Decodable { var packets: [PacketReport] }
    let document: Document = try await call(.POST, "/v1/validate?registry=true", body: .packet(source), asOf: asOf)
    guard var report = document.packets.first else { throw HTTPReplayError(description: "the service returned no report") }
    report.source = source.displayName
    report.findings = report.findings.map { finding in
      var finding = finding
      finding.location.file = source.displayName
      return finding
    }
    return report
  }

  func submitPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await write(.POST, "/v1/prefilings", .packet(source), actor, clock)
  }

  func reviewPreFiling(decisionPacket source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await write(.POST, "/v1/prefilings/-/review", .packet(source), actor, clock)
  }

  struct Decision: Encodable {
    var decision: String
    var reasons: [String]
    var validFrom: CivilDate?
    var validUntil: CivilDate?
    var inspection: InspectionRecord?
  }

  func reviewPreFiling(_ reference: String, decision: PreFilingDecision, by actor: Actor, clock: RegistryClock) async throws
    -> Receipt
  {
    let body: Decision
    switch decision {
    case .approve(let from, let until, let reasons): body = Decision(decision: "APPROVE", reasons: reasons, validFrom: from, validUntil: until)
    case .reject(let reasons): body = Decision(decision: "REJECT", reasons: reasons)
    case .requestCorrection(let reasons): body = Decision(decision: "REQUEST_CORRECTION", reasons: reasons)
    }
    return try await write(.POST, "/v1/prefilings/\(Self.escape(reference))/review", try Self.json(body), actor, clock)
  }

  func amendPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await write(.POST, "/v1/prefilings/amendments", .packet(source), actor, clock)
  }

  func withdrawPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await write(.POST, "/v1/prefilings/withdrawals", .packet(source), actor, clock)
  }

  func revokePreFiling(_ reference: String, reason: String, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    struct Revocation: Encodable { var reason: String }
    return try await write(
      .POST, "/v1/prefilings/\(Self.escape(reference))/revocation", try Self.json(Revocation(reason: reason)), actor, clock)
  }

  func register(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await write(.POST, "/v1/registrations", .packet(source), actor, clock)
  }

  func submitBundle(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await write(.POST, "/v1/bundles", .packet(source), actor, clock)
  }

  func decideTrack(decisionPacket source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await write(.POST, "/v1/bundles/-/tracks/business/decision", .packet(source), actor, clock)
  }

  func decideTrack(_ reference: String, track: Track, decision: TrackDecision, by actor: Actor, clock: RegistryClock) async throws
    -> Receipt
  {
    let body: Decision
    switch decision {
    case .approve(let inspection, let reasons): body = Decision(decision: "APPROVE", reasons: reasons, inspection: inspection)
    case .reject(let reasons): body = Decision(decision: "REJECT", reasons: reasons)
    case .requestCorrection(let reasons): body = Decision(decision: "REQUEST_CORRECTION", reasons: reasons)
    }
    let path = "/v1/bundles/\(Self.escape(reference))/tracks/\(track.rawValue.lowercased())/decision"
    return try await write(.POST, path, try Self.json(body), actor, clock)
  }

  func recordObjection(_ reference: String, department: String, reason: String, by actor: Actor, clock: RegistryClock) async throws
    -> Receipt
  {
    struct Objection: Encodable {
      var department: String
      var reason: String
    }
    return try await write(
      .POST, "/v1/bundles/\(Self.escape(reference))/objection", try Self.json(Objection(department: department, reason: reason)),
      actor, clock)
  }

  func issueBundle(_ reference: String, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await write(.POST, "/v1/bundles/\(Self.escape(reference))/issuance", .none, actor, clock)
  }

  func preFiling(_ reference: String, asOf: CivilDate) async throws -> PreFilingDetail? {
    try await optional { () async throws -> PreFilingDetail in
      try await call(.GET, "/v1/prefilings/\(Self.escape(reference))?asOf=\(asOf)", asOf: asOf)
    }
  }

  func bundle(_ reference: String) async throws -> BundleDetail? {
    try await optional { () async throws -> BundleDetail in try await call(.GET, "/v1/bundles/\(Self.escape(reference))") }
  }

  /// A record read, nil when the service answers `404`.
  func optional<T>(_ read: () async throws -> T) async throws -> T? {
    do {
      return try await read()
    } catch let error as HTTPReplayError where error.description.hasPrefix("404 ") {
      return nil
    }
  }

  struct Overdue: Decodable {
    var overdue: [OverdueBundle]
    var provisional: [BundleSummary]
  }

  func overdueBundles(asOf: CivilDate) async throws -> [OverdueBundle] {
    let answer: Overdue = try await call(.GET, "/v1/bundles/overdue?asOf=\(asOf)", actor: .clerk("REPLAY"), asOf: asOf)
    return answer.overdue
  }

  func provisionalDueBundles() async throws -> [BundleSummary] {
    try await bundlesAll().filter { ($0.status == .underReview || $0.status == .approved) && $0.dueProvisional == true }
  }

  func bundlesAll() async throws -> [BundleSummary] { try await call(.GET, "/v1/bundles", actor: .clerk("REPLAY")) }

  func verifyAudit() async throws -> AuditVerification {
    // 409 carries the verification too: read it whatever the status.
    try await call(.GET, "/v1/audit/verification", actor: .clerk("REPLAY"))
  }

  func finish() async {
    struct Nothing: Decodable {}
    let _: Nothing? = try? await call(.DELETE, "/v1/replay/registries/\(registry)")
  }

  func at(serviceCentre: String) -> any ReplayBackend {
    var backend = self
    backend.centre = serviceCentre
    return backend
  }
}

/// The readable part of a problem answer.
struct ProblemText: Decodable {
  var title: String
  var detail: String?
}

/// `multipart/form-data` bodies for packet folders.
enum Multipart {
  static func encode(_ parts: [(name: String, file: String, bytes: [UInt8])]) -> (String, [UInt8]) {
    let boundary = "onewindow-" + Tokens.make().prefix(24)
    var body: [UInt8] = []
    for part in parts {
      body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"; filename=\"\(part.file)\"\r\n".utf8)
      body += Array("Content-Type: application/octet-stream\r\n\r\n".utf8)
      body += part.bytes
      body += Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    return ("multipart/form-data; boundary=\(boundary)", body)
  }
}
