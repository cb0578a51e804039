import Foundation
public import OneWindowKit

/// How `onewindow serve` runs: where it listens, its limits, and replay mode.
public struct ServiceOptions: Sendable {
  /// The address to listen on; loopback by default.
  public var host = "127.0.0.1"
  public var port = 8080
  /// The transport cap on a request body, multipart included (`413` beyond it).
  public var maxBodyBytes = 64 << 20
  /// A connection idle, or stalled inside a request, this long is closed (slow-loris clients).
  public var idleTimeoutSeconds: Int64 = 30
  /// Packets parsed and validated at once (each on the validation thread pool).
  public var validationWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount)
  /// Validations that may wait for a worker; more are answered `429`.
  public var validationQueue = 64
  /// How long a token's account is remembered between registry reads (a token revoked or an
  /// account disabled by another process stops working within this time; by this service, at once).
  public var tokenCacheSeconds: Int64 = 5
  /// How long an API token lives.
  public var tokenLifetimeSeconds = 12 * 3600
  /// bcrypt cost (12 in production; tests use 4).
  public var bcryptCost = 12
  /// Failed sign-ins allowed per account, and per address, in `loginWindowSeconds`.
  public var loginAttempts = 5
  public var loginWindowSeconds = 900
  /// How long shutdown waits for in-flight requests.
  public var shutdownGraceSeconds = 10
  /// The clock of every request; nil is official time (Beijing's date now). Embedders' tests fix
  /// it; `onewindow serve` never does.
  public var clock: RegistryClock?
  /// Replay mode: loopback only, a throwaway registry per scenario, driven by a token.
  public var replayToken: String?
  /// The address people reach the service at (`https://…` behind a TLS proxy): page cookies are
  /// `Secure` when it is HTTPS.
  public var publicURL: String?
  /// The certificate and key when the service terminates TLS itself (`--tls-cert`, `--tls-key`):
  /// it then serves HTTPS only, and page cookies are `Secure`.
  public var tls: ServiceTLS?

  public init() {}

  /// Whether people reach the service over HTTPS (its own TLS, or a proxy's per ``publicURL``).
  public var servesHTTPS: Bool { tls != nil || (publicURL?.lowercased().hasPrefix("https://") ?? false) }

  public var isReplayMode: Bool { replayToken != nil }
}
