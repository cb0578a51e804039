import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import Metrics
import NIOCore
public import OneWindowKit
import Prometheus
import HummingbirdCore
import HummingbirdTLS
import ServiceLifecycle
import UnixSignals

/// Replay mode's own endpoints: a throwaway registry per scenario (loopback only, replay token).
struct ReplayRoutes {
  let state: ServiceState

  func register(_ routes: RouteTable) {
    routes.add(.post, "/v1/replay/registries", { request, context in
      guard context.replay != nil else { throw Problem.unauthorized }
      struct Settings: Decodable {
        var ruleSetDate: CivilDate?
        var disabledRules: [String]?
      }
      struct Created: Encodable { var id: String }
      let settings = try await Messages.decode(Settings.self, from: request, context: context)
      let rules = RuleSettings(
        disabled: Set((settings.disabledRules ?? []).map { RuleID($0) }), ruleSetDate: settings.ruleSetDate)
      return try Messages.json(Created(id: try state.newReplayRegistry(rules: rules)), status: .created)
    })
    routes.add(.delete, "/v1/replay/registries/{id}", { _, context in
      guard context.replay != nil else { throw Problem.unauthorized }
      state.dropReplayRegistry(try context.parameters.require("id"))
      return Response(status: .noContent)
    })
  }
}

/// `onewindow serve`: the bureau's HTTP service over one registry.
///
/// Schemas are compiled once and shared by every request; parsing, validation and bcrypt run on
/// a dedicated thread pool behind a bounded queue (`429` beyond it); bodies are capped (`413`);
/// idle or stalled connections are closed; SIGTERM and SIGINT finish in-flight requests first.
public struct OneWindowService: Sendable {
  let state: ServiceState
  /// `METHOD /path` of every route, as `openapi.yaml` writes them.
  public let routes: [String]

  /// A service over `registry`; `openAPI` is the contract served at `/openapi.yaml`.
  public init(oneWindow: OneWindow, registry: Registry, options: ServiceOptions, openAPI: String, logger: Logger) {
    state = ServiceState(oneWindow: oneWindow, registry: registry, options: options, openAPI: openAPI, logger: logger)
    routes = ServiceRouter.build(state).1
  }

  /// The application, for running or for testing in process.
  public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    let options = state.options
    let router = ServiceRouter.build(state).0
    let http1 = HTTPServerBuilder.http1(configuration: .init(idleTimeout: .seconds(options.idleTimeoutSeconds)))
    return Application(
      router: router,
      server: try options.tls.map { tls in try HTTPServerBuilder.tls(http1, tlsConfiguration: tls.configuration) } ?? http1,
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: "OneWindow"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? options.port) },
      logger: state.logger)
  }

  /// Runs until SIGTERM or SIGINT; in-flight requests finish (up to the grace period) first.
  public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
    let app = try application(onServerRunning: onServerRunning)
    var configuration = ServiceGroupConfiguration(
      services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: state.logger)
    configuration.maximumGracefulShutdownDuration = .seconds(state.options.shutdownGraceSeconds)
    configuration.maximumCancellationDuration = .seconds(2)
    let group = ServiceGroup(configuration: configuration)
    do {
      try await group.run()
    } catch {
      await state.shutdown()
      throw error
    }
    await state.shutdown()
  }

  /// Sends metrics to the Prometheus registry `/metrics` serves (once per process).
  public static func bootstrapMetrics() {
    MetricsSystem.bootstrap(PrometheusMetricsFactory())
  }

  /// The OpenAPI document beside the schemas folder (the repository root, or `share/onewindow`).
  public static func openAPIDocument(schemasFolder: String) throws -> String {
    let path = URL(fileURLWithPath: schemasFolder).deletingLastPathComponent().appendingPathComponent("openapi.yaml").path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw OneWindowError.resourceMissing(kind: "openapi.yaml", tried: [path])
    }
    return String(decoding: data, as: UTF8.self)
  }
}
