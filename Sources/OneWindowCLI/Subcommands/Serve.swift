import ArgumentParser
import Foundation
import Logging
import OneWindowKit
import OneWindowServer

extension OneWindowCommand {
  /// `onewindow serve`: the HTTP service.
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "Serve the registry over HTTP: the API under /v1, /openapi.yaml, /healthz, /readyz, /metrics.",
      discussion: """
        Listens on 127.0.0.1:8080 by default, on the registry named by --db or $ONEWINDOW_DB (a
        missing registry exits 2; `onewindow registry init` makes one). Accounts sign in with
        POST /v1/sessions and send `Authorization: Bearer TOKEN`; the first administrator comes
        from `onewindow accounts bootstrap`. SIGTERM or SIGINT finish in-flight requests, then exit.

        --replay-token T starts replay mode (loopback only): requests carrying X-Replay-Token may
        make throwaway registries and act as any step's actor on any business date, for
        `onewindow replay --server URL --token T`. Outside replay mode none of this exists.
        """)

    @Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "Port (0: any free port, printed on start).") var port = 8080
    @Option(name: .long, help: "Registry database (default: $ONEWINDOW_DB; not needed in replay mode).") var db: String?
    @Option(name: .long, help: "Concurrent validations (default: one per core).") var workers: Int?
    @Option(name: .long, help: "Validations that may wait for a worker before 429.") var queue = 64
    @Option(name: .long, help: "Seconds an idle or stalled connection is kept.") var idleTimeout: Int64 = 30
    @Option(name: .long, help: "Largest request body, in bytes (413 beyond).") var maxBody = 64 << 20
    @Option(name: .long, help: "bcrypt cost for passwords.") var bcryptCost = 12
    @Option(name: .long, help: "Replay mode with this token (loopback only).") var replayToken: String?
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.") var logLevel = "info"
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      if replayToken != nil, !["127.0.0.1", "::1", "localhost"].contains(host) {
        throw ValidationError("Replay mode listens on the loopback address only.")
      }
      if let replayToken, replayToken.count < 16 { throw ValidationError("A replay token has at least 16 characters.") }
      if !(4...16).contains(bcryptCost) { throw ValidationError("--bcrypt-cost is between 4 and 16.") }
    }

    func run() async throws {
      let oneWindow = try resources.oneWindow()
      let registry: Registry
      do {
        if replayToken != nil, db == nil, ProcessInfo.processInfo.environment["ONEWINDOW_DB"] == nil {
          registry = try Registry(oneWindow: oneWindow, path: nil)
        } else {
          let path = db ?? ProcessInfo.processInfo.environment["ONEWINDOW_DB"]
          guard let path, !path.isEmpty else {
            Console.error("serve needs a registry: --db PATH or $ONEWINDOW_DB (`onewindow registry init` makes one)")
            throw ExitCode(2)
          }
          registry = try Registry(oneWindow: oneWindow, path: path)
        }
      } catch let error as OneWindowError {
        Console.error(error.description)
        throw ExitCode(2)
      }
      let openAPI: String
      do {
        openAPI = try OneWindowService.openAPIDocument(schemasFolder: oneWindow.schemasFolder)
      } catch {
        Console.error(String(describing: error))
        throw ExitCode(2)
      }
      var options = ServiceOptions()
      options.host = host
      options.port = port
      options.validationWorkers = workers ?? options.validationWorkers
      options.validationQueue = queue
      options.idleTimeoutSeconds = idleTimeout
      options.maxBodyBytes = maxBody
      options.bcryptCost = bcryptCost
      options.replayToken = replayToken
      LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return handler
      }
      OneWindowService.bootstrapMetrics()
      let logger = Logger(label: "onewindow")
      let service = OneWindowService(oneWindow: oneWindow, registry: registry, options: options, openAPI: openAPI, logger: logger)
      let replay = replayToken != nil
      let host = options.host
      try await service.run { port in
        Console.note("serve: listening on http://\(host):\(port)\(replay ? " (replay mode)" : "")")
      }
    }
  }
}
