import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import Logging
import NIOPosix
import OneWindowKit
import Synchronization

/// Everything requests share: the compiled schemas, the registry, the validation workers, the
/// sign-in throttle, and (in replay mode) the scenarios' throwaway registries.
final class ServiceState: Sendable {
  let oneWindow: OneWindow
  let registry: Registry
  let options: ServiceOptions
  /// libxml2 and bcrypt run here, never on the event loop or Swift's cooperative pool.
  let workers: NIOThreadPool
  let gate: ValidationGate
  let throttle: LoginThrottle
  let replayRegistries = Mutex<[String: Registry]>([:])
  /// Token digests answered lately, with the time the answer stops being trusted.
  let tokenCache = Mutex<[String: (account: Account, until: ContinuousClock.Instant)]>([:])
  /// The OpenAPI document, served at `/openapi.yaml`.
  let openAPI: String
  let logger: Logger
  /// A hash checked when no account has the name, so a wrong username costs what a wrong
  /// password does.
  let decoyHash: String

  init(oneWindow: OneWindow, registry: Registry, options: ServiceOptions, openAPI: String, logger: Logger) {
    self.oneWindow = oneWindow
    self.registry = registry
    self.options = options
    self.openAPI = openAPI
    self.logger = logger
    workers = NIOThreadPool(numberOfThreads: max(1, options.validationWorkers))
    workers.start()
    gate = ValidationGate(running: max(1, options.validationWorkers), waiting: options.validationQueue)
    throttle = LoginThrottle(limit: options.loginAttempts, window: .seconds(options.loginWindowSeconds))
    decoyHash = Bcrypt.hash(Tokens.make(), cost: UInt8(options.bcryptCost))
  }

  func shutdown() async {
    try? await workers.shutdownGracefully()
  }

  /// Runs blocking work (parsing, validation, bcrypt) on the worker threads, within the gate.
  func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await gate.admit {
      try await self.workers.runIfActive(body)
    }
  }

  // MARK: - Identity

  /// The account a bearer token names (active, not expired, not revoked). Answers are kept for
  /// `tokenCacheSeconds`, so a request does not wait for a registry read; this service forgets
  /// them at once when it signs out, disables or resets, another process (the local CLI) within
  /// that time.
  func account(bearer token: String) async throws -> Account? {
    guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
    let digest = Tokens.digest(token)
    let now = ContinuousClock.now
    if let cached = tokenCache.withLock({ $0[digest] }), now < cached.until { return cached.account }
    let account = try await registry.tokenAccount(sha256: digest)
    if let account {
      tokenCache.withLock { cache in
        if cache.count > 10_000 { cache.removeAll() }
        cache[digest] = (account, now + .seconds(options.tokenCacheSeconds))
      }
    }
    return account
  }

  /// Forgets cached token answers: all of them, or one token's.
  func forgetTokens(_ digest: String? = nil) {
    tokenCache.withLock { cache in
      if let digest { cache[digest] = nil } else { cache.removeAll() }
    }
  }

  func hash(password: String) async throws -> String {
    let cost = options.bcryptCost
    return try await workers.runIfActive { Bcrypt.hash(password, cost: UInt8(cost)) }
  }

  func verify(password: String, hash: String) async throws -> Bool {
    try await workers.runIfActive { Bcrypt.verify(password, hash: hash) }
  }

  // MARK: - Replay mode

  /// The replay step a request describes, when the service is in replay mode and the request
  /// carries the replay token; nil otherwise (replay headers are ignored outside replay mode).
  func replayStep(_ request: Request) async throws -> ReplayStep? {
    guard let expected = options.replayToken, let given = request.headers[.replayToken] else { return nil }
    guard given == expected else { throw Problem(.unauthorized, "Sign in", detail: "the replay token is wrong") }
    guard let registry = request.headers[.replayRegistry] else { return ReplayStep(registry: "", actor: nil, asOf: nil) }
    var step = ReplayStep(registry: registry)
    if let actor = request.headers[.replayActor] {
      let parts = actor.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2, let role = ActorRole(rawValue: parts[0]) else {
        throw Problem.badRequest("X-Replay-Actor is ROLE:ID, ROLE one of CLERK, OWNER, APPLICANT")
      }
      switch role {
      case .clerk: step.actor = .clerk(parts[1])
      case .owner: step.actor = .owner(parts[1])
      case .applicant: step.actor = .applicant(parts[1])
      case .system: step.actor = .system
      }
    }
    if let asOf = request.headers[.replayAsOf] {
      guard let date = CivilDate(exactly: asOf) else { throw Problem.badRequest("X-Replay-As-Of is YYYY-MM-DD") }
      step.asOf = date
    }
    if let centre = request.headers[.replayCentre] {
      guard (1...100).contains(centre.count) else { throw Problem.badRequest("X-Replay-Centre is 1 to 100 characters") }
      step.centre = centre
    }
    return step
  }

  /// A new throwaway registry in memory; its id.
  func newReplayRegistry(rules: RuleSettings) throws -> String {
    var registry = try Registry(oneWindow: oneWindow, path: nil)
    registry.rules = rules
    let id = Tokens.make().prefix(16).description
    replayRegistries.withLock { $0[id] = registry }
    return id
  }

  func dropReplayRegistry(_ id: String) {
    _ = replayRegistries.withLock { $0.removeValue(forKey: id) }
  }

  /// The registry a request works on: its replay scenario's, or the service's.
  func registry(for context: ServiceContext) throws -> Registry {
    var registry: Registry
    if let replay = context.replay {
      guard let found = replayRegistries.withLock({ $0[replay.registry] }) else {
        throw Problem.notFound("no replay registry \(replay.registry); create one with POST /v1/replay/registries")
      }
      registry = found
      registry.serviceCentre = replay.centre
    } else {
      registry = self.registry
    }
    registry.preview = context.dryRun
    if let account = context.account {
      registry.origin = OperationOrigin(account: account.username, serviceCentre: account.serviceCentre, requestID: context.requestID)
    }
    return registry
  }

  /// The clock of a write: official time, or a replay step's business date.
  func clock(for context: ServiceContext) -> RegistryClock {
    if let date = context.replay?.asOf { return .fixed(date) }
    return options.clock ?? .current()
  }

  /// The business date of a request (reads, validation): a replay step's, else the clock's.
  func today(for context: ServiceContext) -> CivilDate { clock(for: context).today }
}

/// A bound on concurrent validations: `running` at once, `waiting` queued, the rest `429`.
actor ValidationGate {
  private let running: Int
  private let waiting: Int
  private var active = 0
  private var queue: [CheckedContinuation<Void, Never>] = []

  init(running: Int, waiting: Int) {
    self.running = running
    self.waiting = waiting
  }

  func admit<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
    if active >= running {
      guard queue.count < waiting else { throw Problem.busy }
      await withCheckedContinuation { queue.append($0) }
    } else {
      active += 1
    }
    defer { release() }
    return try await body()
  }

  private func release() {
    if queue.isEmpty {
      active -= 1
    } else {
      queue.removeFirst().resume()
    }
  }
}

/// Failed sign-ins per account and per address in a sliding window.
actor LoginThrottle {
  private let limit: Int
  private let window: Duration
  private var failures: [String: [ContinuousClock.Instant]] = [:]

  init(limit: Int, window: Duration) {
    self.limit = limit
    self.window = window
  }

  /// Whether another attempt is allowed for every key.
  func allows(_ keys: [String]) -> Bool {
    let now = ContinuousClock.now
    return keys.allSatisfy { key in
      let recent = (failures[key] ?? []).filter { now - $0 < window }
      failures[key] = recent
      return recent.count < limit
    }
  }

  func fail(_ keys: [String]) {
    for key in keys { failures[key, default: []].append(.now) }
  }

  func succeed(_ keys: [String]) {
    for key in keys where !key.hasPrefix("address:") { failures[key] = nil }
  }
}
