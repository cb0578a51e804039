import Foundation
import HTTPTypes
import Hummingbird
import OneWindowKit

/// Reading records: pre-filings, bundles, receipts and their packets, the audit log. A record is
/// read by its owner or applicant, or by any clerk.
struct RecordRoutes {
  let state: ServiceState

  func register(_ routes: RouteTable) {
    routes.add(.get, "/v1/prefilings", listPreFilings)
    routes.add(.get, "/v1/prefilings/{ref}", showPreFiling)
    routes.add(.get, "/v1/bundles", listBundles)
    routes.add(.get, "/v1/bundles/overdue", overdue)
    routes.add(.get, "/v1/bundles/{ref}", showBundle)
    routes.add(.get, "/v1/receipts/{number}", receipt)
    routes.add(.get, "/v1/receipts/{number}/packet", packet)
    routes.add(.get, "/v1/audit/verification", verify)
    routes.add(.get, "/v1/audit/trail/{subject}", trail)
  }

  func asOf(_ request: Request, _ context: ServiceContext) throws -> CivilDate {
    if let date = context.replay?.asOf { return date }
    guard let text = request.uri.queryParameters["asOf"] else { return state.today(for: context) }
    guard let date = CivilDate(exactly: String(text)) else { throw Problem.badRequest("asOf is YYYY-MM-DD") }
    return date
  }

  @Sendable func listPreFilings(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.require(context, .signedIn)
    let registry = try state.registry(for: context)
    var filter = PreFilingFilter()
    if let status = request.uri.queryParameters["status"] {
      guard let value = PreFilingStatus(code: String(status)) else { throw Problem.badRequest("unknown status \(status)") }
      filter.status = value
    }
    // Owners and applicants see their own; clerks see all.
    if context.replay == nil, let account = context.account, account.kind != .clerk { filter.ownerIdentity = account.identity }
    return try Messages.json(try await registry.preFilings(asOf: try asOf(request, context), filter: filter))
  }

  @Sendable func showPreFiling(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.requireSignedIn(context)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    guard let detail = try await registry.preFiling(reference, asOf: try asOf(request, context)),
      try Access.mayRead(context, owners: [detail.summary.ownerIdentity])
    else { throw Problem.notFound("no pre-filing \(reference) you may read") }
    return try Messages.json(detail)
  }

  @Sendable func listBundles(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.require(context, .signedIn)
    let registry = try state.registry(for: context)
    var filter = BundleFilter()
    if let status = request.uri.queryParameters["status"] {
      guard let value = BundleStatus(code: String(status)) else { throw Problem.badRequest("unknown status \(status)") }
      filter.status = value
    }
    if let kind = request.uri.queryParameters["kind"] {
      guard let value = BundleKind(rawValue: String(kind)) else { throw Problem.badRequest("unknown kind \(kind)") }
      filter.kind = value
    }
    var bundles = try await registry.bundles(filter: filter)
    if context.replay == nil, let account = context.account, account.kind != .clerk {
      bundles = bundles.filter { ($0.operatorIdentity.map(Actor.normalized) ?? "") == account.identity }
    }
    return try Messages.json(bundles)
  }

  struct OverdueAnswer: Encodable {
    var overdue: [OverdueBundle]
    var provisional: [BundleSummary]
  }

  @Sendable func overdue(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.require(context, .clerk)
    let registry = try state.registry(for: context)
    let late = try await registry.overdueBundles(asOf: try asOf(request, context))
    let provisional = try await registry.provisionalDueBundles().filter { summary in
      !late.contains { $0.summary.number == summary.number }
    }
    return try Messages.json(OverdueAnswer(overdue: late, provisional: provisional))
  }

  @Sendable func showBundle(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.requireSignedIn(context)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    guard let detail = try await registry.bundle(reference),
      try Access.mayRead(context, owners: [detail.summary.operatorIdentity].compactMap { $0 })
    else { throw Problem.notFound("no bundle \(reference) you may read") }
    return try Messages.json(detail)
  }

  /// A receipt as JSON, or its `Receipt` packet with `Accept: application/xml`.
  @Sendable func receipt(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let found = try await readableReceipt(context)
    switch Messages.format(request, allowHTML: false) {
    case .xml: return Messages.text(found.xml, type: "application/xml; charset=utf-8")
    default: return try Messages.json(found)
    }
  }

  /// The packet a receipt answered, byte for byte.
  @Sendable func packet(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let found = try await readableReceipt(context)
    let registry = try state.registry(for: context)
    guard let stored = try await registry.packet(forReceipt: found.number) else {
      throw Problem.notFound("receipt \(found.number) kept no packet (over the size limit, or none was received)")
    }
    let zip = stored.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    var response = Messages.bytes(stored.bytes, type: zip ? "application/zip" : "application/xml")
    response.headers[HTTPField.Name("X-Packet-SHA256")!] = stored.sha256
    return response
  }

  func readableReceipt(_ context: ServiceContext) async throws -> Receipt {
    try Access.requireSignedIn(context)
    let registry = try state.registry(for: context)
    let number = try context.parameters.require("number")
    guard let found = try await registry.receipt(number),
      try Access.mayRead(context, owners: try await readers(of: found, in: registry, asOf: state.today(for: context)))
    else {
      throw Problem.notFound("no receipt \(number) you may read")
    }
    return found
  }

  /// Who besides clerks reads a receipt: its actor, and the owner or applicant of the pre-filing
  /// or bundle it concerns (not the owner of a building a tenant registered in).
  func readers(of receipt: Receipt, in registry: Registry, asOf: CivilDate) async throws -> [String] {
    var readers = [receipt.actorID]
    guard let subject = receipt.subject else { return readers }
    if receipt.operation.hasPrefix("prefile."), let record = try await registry.preFiling(subject, asOf: asOf) {
      readers.append(record.summary.ownerIdentity)
    } else if receipt.operation.hasPrefix("bundle."), let record = try await registry.bundle(subject) {
      readers += [record.summary.operatorIdentity].compactMap { $0 }
    }
    return readers
  }

  /// `200` intact, `409` with the problems when not (the verification itself in the body).
  @Sendable func verify(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.require(context, .clerk)
    let registry = try state.registry(for: context)
    let verification = try await registry.verifyAudit()
    return try Messages.json(verification, status: verification.isIntact ? .ok : .conflict)
  }

  @Sendable func trail(_ request: Request, _ context: ServiceContext) async throws -> Response {
    try Access.require(context, .clerk)
    let registry = try state.registry(for: context)
    return try Messages.json(try await registry.auditTrail(subject: try context.parameters.require("subject")))
  }
}
