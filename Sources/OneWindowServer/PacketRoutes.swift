import Foundation
import HTTPTypes
import Hummingbird
import OneWindowKit

/// Validation and every registry write: pre-filings, tenant registrations, bundles.
struct PacketRoutes {
  let state: ServiceState

  func register(_ routes: RouteTable) {
    routes.add(.post, "/v1/validate", validate)
    routes.add(.post, "/v1/prefilings", { request, context in
      try await write(request, context, .ownerOrClerk) { registry, source, actor, clock in
        try await registry.submitPreFiling(source, by: actor, clock: clock)
      }
    })
    routes.add(.post, "/v1/prefilings/amendments", { request, context in
      try await write(request, context, .ownerOrClerk) { registry, source, actor, clock in
        try await registry.amendPreFiling(source, by: actor, clock: clock)
      }
    })
    routes.add(.post, "/v1/prefilings/withdrawals", { request, context in
      try await write(request, context, .ownerOrClerk) { registry, source, actor, clock in
        try await registry.withdrawPreFiling(source, by: actor, clock: clock)
      }
    })
    routes.add(.post, "/v1/prefilings/{ref}/review", review)
    routes.add(.post, "/v1/prefilings/{ref}/revocation", revoke)
    routes.add(.post, "/v1/registrations", { request, context in
      try await write(request, context, .applicantOrClerk) { registry, source, actor, clock in
        try await registry.register(source, by: actor, clock: clock)
      }
    })
    routes.add(.post, "/v1/bundles", { request, context in
      try await write(request, context, .applicantOrClerk) { registry, source, actor, clock in
        try await registry.submitBundle(source, by: actor, clock: clock)
      }
    })
    routes.add(.post, "/v1/bundles/{ref}/tracks/{track}/decision", decide)
    routes.add(.post, "/v1/bundles/{ref}/objection", objection)
    routes.add(.post, "/v1/bundles/{ref}/issuance", issue)
    routes.add(.post, "/v1/bundles/split", split)
    routes.add(.post, "/v1/bundles/assemble", assemble)
  }

  /// `200` with the report in the negotiated format, whatever the outcome.
  @Sendable func validate(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.requireSignedIn(context)
    var asOf = context.replay?.asOf ?? state.today(for: context)
    if context.replay?.asOf == nil, let text = request.uri.queryParameters["asOf"] {
      guard let date = CivilDate(exactly: String(text)) else { throw Problem.badRequest("asOf is YYYY-MM-DD") }
      asOf = date
    }
    let source = try await Messages.packet(request, maxBytes: state.options.maxBodyBytes, name: "packet.xml")
    var options = ValidationOptions(jobs: 1, asOf: asOf)
    switch request.uri.queryParameters["registry"] {
    case nil, "false": break
    case "true": options.registry = try state.registry(for: context)
    default: throw Problem.badRequest("registry is true or false")
    }
    let oneWindow = state.oneWindow
    let settings = options
    let report = try await state.offload { oneWindow.validate([source], options: settings)[0] }
    return try Messages.report(report, asOf: asOf, request: request, oneWindow: oneWindow)
  }

  /// A packet write: the actor from the account, the packet from the body, the receipt back
  /// (`201` accepted, `422` refused).
  func write(
    _ request: Request, _ context: ServiceContext, _ permission: Permission,
    _ operation: @Sendable (Registry, PacketSource, Actor, RegistryClock) async throws -> Receipt
  ) async throws -> Response {
    let actor = try Access.actor(context, permission)
    let registry = try state.registry(for: context)
    let source = try await Messages.packet(request, maxBytes: state.options.maxBodyBytes, name: "packet.xml")
    let receipt = try await state.gate.admit { () async throws -> Receipt in
      try await operation(registry, source, actor, state.clock(for: context))
    }
    return try Messages.receipt(receipt, request: request, oneWindow: state.oneWindow)
  }

  /// A decision as JSON, or a `ReviewDecision` packet when the body is XML.
  struct DecisionBody: Decodable {
    var decision: DecisionKind
    var reasons: [String]?
    var validFrom: CivilDate?
    var validUntil: CivilDate?
    var inspection: InspectionRecord?
  }

  static func isXML(_ request: Request) -> Bool {
    let type = request.headers[.contentType]?.lowercased() ?? ""
    return type.hasPrefix("application/xml") || type.hasPrefix("text/xml")
  }

  @Sendable func review(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let actor = try Access.actor(context, .reviewer)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    let clock = state.clock(for: context)
    if Self.isXML(request) {
      let source = try await Messages.packet(request, maxBytes: state.options.maxBodyBytes, name: "decision.xml")
      return try Messages.receipt(try await registry.reviewPreFiling(decisionPacket: source, by: actor, clock: clock), request: request, oneWindow: state.oneWindow)
    }
    let body = try await Messages.decode(DecisionBody.self, from: request, context: context)
    let reasons = body.reasons ?? []
    let decision: PreFilingDecision
    switch body.decision {
    case .approve: decision = .approve(validFrom: body.validFrom, validUntil: body.validUntil, reasons: reasons)
    case .reject: decision = .reject(reasons: reasons)
    case .requestCorrection: decision = .requestCorrection(reasons: reasons)
    case .revoke:
      return try Messages.receipt(
        try await registry.revokePreFiling(reference, reason: reasons.joined(separator: "；"), by: actor, clock: clock),
        request: request, oneWindow: state.oneWindow)
    }
    return try Messages.receipt(try await registry.reviewPreFiling(reference, decision: decision, by: actor, clock: clock), request: request, oneWindow: state.oneWindow)
  }

  struct RevocationBody: Decodable { var reason: String }

  @Sendable func revoke(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let actor = try Access.actor(context, .reviewer)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    let body = try await Messages.decode(RevocationBody.self, from: request, context: context)
    guard !body.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem.badRequest("give a reason") }
    let receipt = try await registry.revokePreFiling(reference, reason: body.reason, by: actor, clock: state.clock(for: context))
    return try Messages.receipt(receipt, request: request, oneWindow: state.oneWindow)
  }

  @Sendable func decide(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let actor = try Access.actor(context, .reviewer)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    let clock = state.clock(for: context)
    guard let track = Track(rawValue: try context.parameters.require("track").uppercased()) else {
      throw Problem.notFound("a track id is 2 to 32 letters, digits or underscores, starting with a letter (business, food, or a definition's own)")
    }
    if Self.isXML(request) {
      let source = try await Messages.packet(request, maxBytes: state.options.maxBodyBytes, name: "decision.xml")
      return try Messages.receipt(try await registry.decideTrack(decisionPacket: source, by: actor, clock: clock), request: request, oneWindow: state.oneWindow)
    }
    let body = try await Messages.decode(DecisionBody.self, from: request, context: context)
    let decision: TrackDecision
    switch body.decision {
    case .approve: decision = .approve(inspection: body.inspection, reasons: body.reasons ?? [])
    case .reject: decision = .reject(reasons: body.reasons ?? [])
    case .requestCorrection: decision = .requestCorrection(reasons: body.reasons ?? [])
    case .revoke: throw Problem.badRequest("a bundle track cannot be revoked")
    }
    let receipt = try await registry.decideTrack(reference, track: track, decision: decision, by: actor, clock: clock)
    return try Messages.receipt(receipt, request: request, oneWindow: state.oneWindow)
  }

  struct ObjectionBody: Decodable {
    var department: String
    var reason: String
  }

  /// A department's objection to a simplified cancellation, recorded by a reviewer.
  @Sendable func objection(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let actor = try Access.actor(context, .reviewer)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    let body = try await Messages.decode(ObjectionBody.self, from: request, context: context)
    let receipt = try await registry.recordObjection(
      reference, department: body.department, reason: body.reason, by: actor, clock: state.clock(for: context))
    return try Messages.receipt(receipt, request: request, oneWindow: state.oneWindow)
  }

  @Sendable func issue(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let actor = try Access.actor(context, .issuer)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    let receipt = try await registry.issueBundle(reference, by: actor, clock: state.clock(for: context))
    return try Messages.receipt(receipt, request: request, oneWindow: state.oneWindow)
  }

  struct SplitAnswer: Encodable {
    var business: String
    var businessFileName: String
    var food: String
    var foodFileName: String
  }

  /// A `RestaurantOpening` split into its two track applications (JSON with both documents).
  @Sendable func split(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.require(context, .signedIn)
    let source = try await Messages.packet(request, maxBytes: state.options.maxBodyBytes, name: "bundle.xml")
    let bundleNumber = request.uri.queryParameters["bundleNumber"].map(String.init)
    let oneWindow = state.oneWindow
    let tracks = try await state.offload { () throws -> TrackApplications in
      do { return try oneWindow.split(source, bundleNumber: bundleNumber) } catch let error as OneWindowError {
        throw Problem.from(error)
      }
    }
    return try Messages.json(
      SplitAnswer(
        business: String(decoding: tracks.business, as: UTF8.self), businessFileName: tracks.businessFileName,
        food: String(decoding: tracks.food, as: UTF8.self), foodFileName: tracks.foodFileName))
  }

  struct AssembleAnswer: Encodable {
    var findings: [Finding]
    var bundle: String?
  }

  /// The two track applications (multipart parts `business` and `food`) assembled into one
  /// opening; `422` with the findings when they are not a pair.
  @Sendable func assemble(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.require(context, .signedIn)
    var request = request
    let buffer = try await request.collectBody(upTo: state.options.maxBodyBytes)
    guard let boundary = Messages.parameter("boundary", in: request.headers[.contentType] ?? "") else {
      throw Problem(.unsupportedMediaType, "Unsupported media type", detail: "send multipart/form-data with parts business and food")
    }
    let parts = try Messages.multipart(Array(buffer.readableBytesView), boundary: boundary)
    guard let business = parts.first(where: { $0.name == "business" }), let food = parts.first(where: { $0.name == "food" }) else {
      throw Problem.badRequest("the multipart body needs parts named business and food")
    }
    let oneWindow = state.oneWindow
    let assembly = try await state.offload { () throws -> BundleAssembly in
      do {
        return try oneWindow.assemble(
          business: business.body, businessName: business.fileName ?? "business.xml", food: food.body,
          foodName: food.fileName ?? "food.xml")
      } catch let error as OneWindowError {
        throw Problem.from(error)
      }
    }
    let answer = AssembleAnswer(findings: assembly.findings, bundle: assembly.bundle.map { String(decoding: $0, as: UTF8.self) })
    return try Messages.json(answer, status: assembly.bundle == nil ? .unprocessableContent : .ok)
  }
}

