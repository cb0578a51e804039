import Foundation
import HTTPTypes
import Hummingbird
import OneWindowKit

/// The routes, recorded as they are added so a test can hold them to `openapi.yaml`.
final class RouteTable {
  /// `GET /v1/rules/{id}`-style entries, as the OpenAPI document writes paths.
  private(set) var entries: [String] = []
  let router: Router<ServiceContext>

  init(router: Router<ServiceContext>) { self.router = router }

  typealias Handler = @Sendable (Request, ServiceContext) async throws -> Response

  func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
    // OpenAPI writes `{id}`; Hummingbird matches `:id`.
    let hummingbirdPath = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
      part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
    }.joined(separator: "/")
    router.on(RouterPath(hummingbirdPath), method: method) { request, context in try await handler(request, context) }
    entries.append("\(method.rawValue) \(path)")
    methods[hummingbirdPath, default: []].append(method)
  }

  private var methods: [String: [HTTPRequest.Method]] = [:]

  /// Answers the other methods on every path `405` with an `Allow` header (not `404`: the path
  /// exists).
  func refuseOtherMethods() {
    let all: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options, .trace, .connect]
      + [HTTPRequest.Method("QUERY")].compactMap { $0 }
    for (path, allowed) in methods {
      let allow = all.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
      for method in all where !allowed.contains(method) {
        router.on(RouterPath(path), method: method) { _, _ -> Response in
          var problem = Problem(.methodNotAllowed, "Method not allowed", detail: "this path takes \(allow)")
          problem.headers[.allow] = allow
          throw problem
        }
      }
    }
  }
}

/// Builds the service's router.
enum ServiceRouter {
  static func build(_ state: ServiceState) -> (Router<ServiceContext>, [String]) {
    let router = Router(context: ServiceContext.self)
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: BodyLimitMiddleware(maxBytes: state.options.maxBodyBytes))
    router.add(middleware: AuthenticationMiddleware(service: state))
    let table = RouteTable(router: router)
    MetaRoutes(state: state).register(table)
    PacketRoutes(state: state).register(table)
    RecordRoutes(state: state).register(table)
    PublicRoutes(state: state).register(table)
    DefinitionRoutes(state: state).register(table)
    AccountRoutes(state: state).register(table)
    if state.options.isReplayMode { ReplayRoutes(state: state).register(table) }
    // The pages (`/`, `/web/…`): not in the JSON contract, so not in the route table.
    if !state.options.isReplayMode { WebRoutes(state: state).register(router) }
    table.refuseOtherMethods()
    return (router, table.entries)
  }
}
