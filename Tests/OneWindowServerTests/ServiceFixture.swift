import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import OneWindowKit
import OneWindowServer
import OneWindowTestSupport
import Testing

/// Who sends a request in the service tests: every row of the role table, and nobody.
enum Persona: String, CaseIterable, Sendable, CustomStringConvertible {
  case anonymous
  /// The owner of Taixingli (太兴里), whose pre-filing the records below are.
  case owner
  /// The owner of Sanjiangli (三江里): another owner.
  case otherOwner
  /// The operator of 天生吉祥, the applicant of the bundle below.
  case applicant
  /// A clerk at the window with no role beyond entering packets.
  case window
  case reviewer
  case inspector
  case issuer
  case admin
  /// The clerk (a reviewer too) who entered Taixingli's pre-filing at the window (帮办代办).
  case entering

  var description: String { rawValue }

  /// Username, kind, identity, roles.
  var account: (kind: AccountKind, identity: String, roles: [ClerkRole])? {
    switch self {
    case .anonymous: nil
    case .owner: (.owner, "91370202MA3C5Y7R9D", [])
    case .otherOwner: (.owner, "91370202MA3D8K2Q87", [])
    case .applicant: (.applicant, "370202197805122312", [])
    case .window: (.clerk, "0232", [])
    case .reviewer: (.clerk, "0231", [.reviewer])
    case .inspector: (.clerk, "0301", [.inspector])
    case .issuer: (.clerk, "0250", [.issuer])
    case .admin: (.clerk, "0001", [.admin])
    case .entering: (.clerk, "0233", [.reviewer])
    }
  }

  static let password = "correct horse battery staple"
}

/// A service over an in-memory registry on a fixed business date, with an account per persona
/// and, once `populate` ran, the records the tests read: Taixingli entered by the entering clerk
/// and approved, Sanjiangli filed by its owner and approved, a tenant registered at Taixingli,
/// and 天生吉祥's opening submitted by its applicant.
struct ServiceFixture: Sendable {
  static let businessDate = CivilDate(exactly: "2026-04-22")!
  static let centre = "370202001"

  let service: OneWindowService
  let registry: Registry

  init(options change: (inout ServiceOptions) -> Void = { _ in }) async throws {
    let harness = try RegistryHarness()
    registry = harness.registry
    var options = ServiceOptions()
    options.bcryptCost = 4
    options.port = 0
    options.clock = .fixed(Self.businessDate)
    change(&options)
    for persona in Persona.allCases {
      guard let account = persona.account else { continue }
      let made = try AccountRules.account(
        username: persona.rawValue, kind: account.kind, identity: account.identity, identityType: nil,
        name: persona.rawValue, roles: account.roles, serviceCentre: account.kind == .clerk ? Self.centre : nil)
      try await registry.addAccount(
        made, passwordHash: Passwords.hash(Persona.password, cost: 4), by: .system, clock: .fixed(Self.businessDate))
    }
    let openAPI = try OneWindowService.openAPIDocument(schemasFolder: Repository.schemas)
    var logger = Logger(label: "onewindow-tests")
    logger.logLevel = .critical
    service = OneWindowService(
      oneWindow: RegistryHarness.oneWindow, registry: registry, options: options, openAPI: openAPI, logger: logger)
  }

  /// Runs `body` with a client talking to the router in process, each persona signed in.
  func test<T: Sendable>(_ body: @Sendable (Client) async throws -> T) async throws -> T {
    try await service.application().test(.router) { client in
      var tokens: [Persona: String] = [:]
      for persona in Persona.allCases where persona != .anonymous {
        tokens[persona] = try await Client.signIn(client, persona)
      }
      return try await body(Client(client: client, tokens: tokens))
    }
  }

  /// A client that sends requests as a persona.
  struct Client: Sendable {
    let client: any TestClientProtocol
    let tokens: [Persona: String]

    static func signIn(_ client: any TestClientProtocol, _ persona: Persona) async throws -> String {
      let body = #"{"username":"\#(persona.rawValue)","password":"\#(Persona.password)"}"#
      let response = try await client.execute(
        uri: "/v1/sessions", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
      try #require(response.status == .created, "\(persona) could not sign in: \(String(decoding: response.body.readableBytesView, as: UTF8.self))")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
      return try #require(json["token"] as? String)
    }

    /// Sends a request; the body's type is XML unless given.
    func send(
      _ method: HTTPRequest.Method, _ uri: String, as persona: Persona, body: [UInt8]? = nil,
      type: String = "application/xml", headers extra: HTTPFields = [:]
    ) async throws -> Answer {
      var headers = extra
      if let token = tokens[persona] { headers[.authorization] = "Bearer \(token)" }
      if body != nil, headers[.contentType] == nil { headers[.contentType] = type }
      let response = try await client.execute(
        uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
      return Answer(status: response.status, headers: response.headers, bytes: Array(response.body.readableBytesView))
    }

    /// Sends a JSON body.
    func send(_ method: HTTPRequest.Method, _ uri: String, as persona: Persona, json: String) async throws -> Answer {
      try await send(method, uri, as: persona, body: Array(json.utf8), type: "application/json")
    }

    /// Sends a sample packet (path relative to the repository).
    func send(_ method: HTTPRequest.Method, _ uri: String, as persona: Persona, sample: String) async throws -> Answer {
      try await send(method, uri, as: persona, body: try Repository.bytes(sample))
    }
  }

  /// A response, with its body read.
  struct Answer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]) ?? [:] }

    /// The body as a JSON array (empty when it is not one).
    var array: [[String: Any]] { ((try? JSONSerialization.jsonObject(with: Data(bytes))) as? [[String: Any]]) ?? [] }

    /// The rule ids of a receipt's or report's findings, in order.
    var findingIDs: [String] {
      let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
      var findings = object["findings"] as? [[String: Any]] ?? []
      if let packets = object["packets"] as? [[String: Any]] {
        findings = packets.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
      }
      return findings.compactMap { $0["ruleID"] as? String }
    }

    func string(_ key: String) -> String? { json[key] as? String }
  }

  /// The records every authorization cell reads, made through the API as their actors would.
  struct Records: Sendable {
    var taixingli: String
    var taixingliReceipt: String
    var sanjiangli: String
    var registrationReceipt: String
    var bundle: String
    var bundleReceipt: String
  }

  static func populate(_ client: Client) async throws -> Records {
    let submitted = try await client.send(.post, "/v1/prefilings", as: .entering, sample: "SampleFilings/valid/prefiling/taixingli.xml")
    try #require(submitted.status == .created, "\(submitted.text)")
    let receipt = try #require(submitted.string("number"))
    let approved = try await client.send(.post, "/v1/prefilings/\(receipt)/review", as: .reviewer, json: #"{"decision":"APPROVE"}"#)
    try #require(approved.status == .created, "\(approved.text)")
    let taixingli = try #require(approved.string("subject"))
    let sanjiangliSubmitted = try await client.send(
      .post, "/v1/prefilings", as: .otherOwner, sample: "SampleFilings/valid/prefiling/sanjiangli-consolidated.xml")
    try #require(sanjiangliSubmitted.status == .created, "\(sanjiangliSubmitted.text)")
    let sanjiangliApproved = try await client.send(
      .post, "/v1/prefilings/\(try #require(sanjiangliSubmitted.string("number")))/review", as: .reviewer,
      json: #"{"decision":"APPROVE"}"#)
    try #require(sanjiangliApproved.status == .created, "\(sanjiangliApproved.text)")
    let registered = try await client.send(
      .post, "/v1/registrations", as: .window, sample: "SampleFilings/valid/registration/taixingli-zhanqiao-media.xml")
    try #require(registered.status == .created, "\(registered.text)")
    let bundle = try await client.send(.post, "/v1/bundles", as: .applicant, sample: "SampleFilings/valid/bundle/tianshengjixiang-opening.xml")
    try #require(bundle.status == .created, "\(bundle.text)")
    return Records(
      taixingli: taixingli, taixingliReceipt: receipt, sanjiangli: try #require(sanjiangliApproved.string("subject")),
      registrationReceipt: try #require(registered.string("number")), bundle: try #require(bundle.string("subject")),
      bundleReceipt: try #require(bundle.string("number")))
  }
}
