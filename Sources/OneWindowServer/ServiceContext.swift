import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OneWindowKit

/// The context of one request: its id, the signed-in account, and replay-mode overrides.
struct ServiceContext: RequestContext, RemoteAddressRequestContext {
  var coreContext: CoreRequestContextStorage
  let channel: any NIOCore.Channel
  /// Echoed as `X-Request-Id`, logged, and recorded on receipts.
  var requestID: String = ServiceContext.newRequestID()
  /// The account a bearer token named, when there is one.
  var account: Account?
  /// Replay mode only: the scenario's registry, actor and business date.
  var replay: ReplayStep?
  /// An `Authorization` header came with an unknown, expired or revoked token.
  var rejectedToken = false
  /// `?dryRun=true` on a write: every check and a preview receipt, nothing written.
  var dryRun = false

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    channel = source.channel
  }

  /// JSON bodies (accounts, decisions) are small; packets are read with the transport cap.
  var maxUploadSize: Int { 1 << 20 }

  var remoteAddress: SocketAddress? { channel.remoteAddress }

  /// The client's address for throttling (the IP without the port).
  var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }

  static func newRequestID() -> String { Tokens.random(bytes: 8) }
}

/// What a replay-mode request says about the step it runs.
struct ReplayStep: Sendable {
  var registry: String
  var actor: Actor?
  var asOf: CivilDate?
  /// The service centre accepting the step's packet (`X-Replay-Centre`).
  var centre: String?
}

/// Request ids, logging, and errors as problem details: the outermost middleware.
struct ProblemMiddleware: RouterMiddleware {
  typealias Context = ServiceContext

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var context = context
    if let given = request.headers[.requestID], given.count <= 64,
      given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    {
      context.requestID = given
    }
    context.logger[metadataKey: "request"] = .string(context.requestID)
    let started = ContinuousClock.now
    var response: Response
    do {
      switch request.uri.queryParameters["dryRun"] {
      case nil, "false": break
      case "true": context.dryRun = true
      default: throw Problem.badRequest("dryRun is true or false")
      }
      response = try await next(request, context)
    } catch let problem as Problem {
      response = problem.response(requestID: context.requestID, path: request.uri.path)
    } catch let error as OneWindowError {
      context.logger.error("request failed", metadata: ["error": .string(String(describing: error))])
      response = Problem.from(error).response(requestID: context.requestID, path: request.uri.path)
    } catch let error as HTTPError {
      let title = error.body ?? error.status.reasonPhrase
      response = Problem(error.status, error.status.reasonPhrase, detail: title).response(
        requestID: context.requestID, path: request.uri.path)
    } catch let error as AccountError {
      response = Problem.badRequest(error.description).response(requestID: context.requestID, path: request.uri.path)
    } catch is NIOTooManyBytesError {
      response = Problem.tooLarge.response(requestID: context.requestID, path: request.uri.path)
    } catch is DecodingError {
      response = Problem.badRequest("the JSON body does not match the operation's schema").response(
        requestID: context.requestID, path: request.uri.path)
    } catch {
      context.logger.error("request failed", metadata: ["error": .string(String(describing: error))])
      response = Problem(.internalServerError, "Service failure", detail: "the service could not complete the request")
        .response(requestID: context.requestID, path: request.uri.path)
    }
    response.headers[.requestID] = context.requestID
    let elapsed = ContinuousClock.now - started
    context.logger.info(
      "\(request.method) \(request.uri.path) \(response.status.code)",
      metadata: ["ms": .string(String(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000))])
    return response
  }
}

/// Refuses a declared body over the transport cap before reading it (`413`).
struct BodyLimitMiddleware: RouterMiddleware {
  typealias Context = ServiceContext
  let maxBytes: Int

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes { throw Problem.tooLarge }
    return try await next(request, context)
  }
}

/// Resolves `Authorization: Bearer TOKEN` to an account (and, in replay mode, the replay headers).
struct AuthenticationMiddleware: RouterMiddleware {
  typealias Context = ServiceContext
  let service: ServiceState

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var context = context
    if let replay = try await service.replayStep(request) {
      context.replay = replay
      return try await next(request, context)
    }
    // A bad token is refused by the operations that need an account; public ones ignore it.
    if let header = request.headers[.authorization] {
      if header.hasPrefix("Bearer "), let account = try await service.account(bearer: String(header.dropFirst(7))) {
        context.account = account
      } else {
        context.rejectedToken = true
      }
    }
    return try await next(request, context)
  }
}

extension HTTPField.Name {
  static let requestID = HTTPField.Name("X-Request-Id")!
  static let replayToken = HTTPField.Name("X-Replay-Token")!
  static let replayRegistry = HTTPField.Name("X-Replay-Registry")!
  static let replayActor = HTTPField.Name("X-Replay-Actor")!
  static let replayAsOf = HTTPField.Name("X-Replay-As-Of")!
  static let replayCentre = HTTPField.Name("X-Replay-Centre")!
}

/// Random 256-bit tokens, stored and compared as SHA-256.
enum Tokens {
  static func make() -> String { random(bytes: 32) }

  /// `bytes` random bytes from the system's generator, in hex.
  static func random(bytes: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return Hex.string((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }

  static func digest(_ token: String) -> String { Hex.string(SHA256.hash(data: Array(token.utf8))) }
}
