import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
public import OneWindowKit

/// Signing in and out, and accounts (administrators only).
struct AccountRoutes {
  let state: ServiceState

  func register(_ routes: RouteTable) {
    routes.add(.post, "/v1/sessions", signIn)
    routes.add(.delete, "/v1/sessions", signOut)
    routes.add(.get, "/v1/sessions/current", { _, context in
      guard let account = context.account else { throw Problem.unauthorized(context) }
      return try Messages.json(account)
    })
    routes.add(.get, "/v1/accounts", { _, context in
      try Access.require(context, .admin)
      return try Messages.json(try await state.registry.accounts())
    })
    routes.add(.post, "/v1/accounts", add)
    routes.add(.post, "/v1/accounts/{username}/disable", { request, context in try await setActive(request, context, false) })
    routes.add(.post, "/v1/accounts/{username}/enable", { request, context in try await setActive(request, context, true) })
    routes.add(.post, "/v1/accounts/{username}/password", resetPassword)
  }

  struct Credentials: Decodable {
    var username: String
    var password: String
  }

  struct Session: Encodable {
    var token: String
    var expiresAt: String
    var account: Account
  }

  /// A bearer token for a username and password; throttled per account and per address.
  @Sendable func signIn(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let credentials = try await Messages.decode(Credentials.self, from: request, context: context)
    let keys = ["account:" + credentials.username, "address:" + context.clientAddress]
    guard await state.throttle.allows(keys) else {
      var problem = Problem(.tooManyRequests, "Too many attempts", detail: "too many failed sign-ins; wait and try again")
      problem.headers[.retryAfter] = String(state.options.loginWindowSeconds)
      throw problem
    }
    let found = try await state.registry.account(credentials.username)
    // The same work whether or not the account exists, so timing does not tell.
    let hash = found?.passwordHash ?? state.decoyHash
    let matches = try await state.verify(password: credentials.password, hash: hash)
    guard let account = found?.account, matches, account.active else {
      await state.throttle.fail(keys)
      var problem = Problem.unauthorized
      problem.detail = "wrong username or password, or the account is disabled"
      throw problem
    }
    await state.throttle.succeed(keys)
    let token = Tokens.make()
    let expires = Date().addingTimeInterval(TimeInterval(state.options.tokenLifetimeSeconds))
    let expiresAt = ISO8601DateFormatter().string(from: expires)
    try await state.registry.storeToken(sha256: Tokens.digest(token), username: account.username, expiresAt: expiresAt)
    return try Messages.json(Session(token: token, expiresAt: expiresAt, account: account), status: .created)
  }

  @Sendable func signOut(_ request: Request, _ context: ServiceContext) async throws -> Response {
    guard context.account != nil, let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
      throw Problem.unauthorized
    }
    let digest = Tokens.digest(String(header.dropFirst(7)))
    try await state.registry.revokeToken(sha256: digest)
    state.forgetTokens(digest)
    return Response(status: .noContent)
  }

  struct NewAccount: Decodable {
    var username: String
    var kind: AccountKind
    var identity: String
    var identityType: IdentityType?
    var name: String
    var roles: [ClerkRole]?
    var serviceCentre: String?
    var password: String
  }

  @Sendable func add(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let admin = try Access.actor(context, .admin)
    let body = try await Messages.decode(NewAccount.self, from: request, context: context)
    let account = try AccountRules.account(
      username: body.username, kind: body.kind, identity: body.identity, identityType: body.identityType, name: body.name,
      roles: body.roles ?? [], serviceCentre: body.serviceCentre, policy: state.oneWindow.policy)
    try AccountRules.checkPassword(body.password)
    let hash = try await state.hash(password: body.password)
    var registry = state.registry
    registry.origin = OperationOrigin(account: context.account?.username ?? "-", serviceCentre: context.account?.serviceCentre, requestID: context.requestID)
    try await registry.addAccount(account, passwordHash: hash, by: admin, clock: state.clock(for: context))
    return try Messages.json(account, status: .created)
  }

  func setActive(_ request: Request, _ context: ServiceContext, _ active: Bool) async throws -> Response {
    let admin = try Access.actor(context, .admin)
    let username = try context.parameters.require("username")
    try await state.registry.setAccount(username, active: active, by: admin, clock: state.clock(for: context))
    state.forgetTokens()
    guard let account = try await state.registry.account(username)?.account else { throw Problem.notFound("no account \(username)") }
    return try Messages.json(account)
  }

  struct NewPassword: Decodable { var password: String }

  @Sendable func resetPassword(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let admin = try Access.actor(context, .admin)
    let username = try context.parameters.require("username")
    let body = try await Messages.decode(NewPassword.self, from: request, context: context)
    try AccountRules.checkPassword(body.password)
    try await state.registry.resetPassword(username, passwordHash: try await state.hash(password: body.password), by: admin, clock: state.clock(for: context))
    state.forgetTokens()
    return Response(status: .noContent)
  }
}

/// What an account must be: a username, a bound identity of the right kind, a long password.
public enum AccountRules {
  /// An account checked and normalised, or a `400` problem saying what is wrong. With a policy,
  /// a clerk's service centre must be one it lists (a 街道 code or name, or the district hall)
  /// and is stored as its code.
  public static func account(
    username: String, kind: AccountKind, identity: String, identityType: IdentityType?, name: String, roles: [ClerkRole],
    serviceCentre: String?, policy: Policy? = nil
  ) throws -> Account {
    var serviceCentre = serviceCentre
    if let given = serviceCentre, kind == .clerk, let policy {
      guard let centre = policy.serviceCentre(named: given) else {
        throw AccountError(
          "'\(given)' is not a known service centre; known: " + policy.serviceCentres.map { "\($0.code) \($0.name.zh)" }.joined(separator: ", "))
      }
      serviceCentre = centre.code
    }
    guard username.count >= 3, username.count <= 64,
      username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
    else { throw AccountError("a username is 3–64 letters, digits, '-', '_' or '.'") }
    let normalized = Actor.normalized(identity)
    guard !normalized.isEmpty, normalized.count <= 32 else { throw AccountError("the identity number is empty or too long") }
    let type: IdentityType
    switch kind {
    case .clerk:
      type = .staffNumber
    case .owner, .applicant:
      type = identityType ?? (normalized.count == 18 && normalized.hasPrefix("9") ? .uscc : .residentID)
      switch type {
      case .uscc:
        guard UnifiedSocialCreditCode.hasValidCheckCharacter(normalized) else { throw AccountError("not a valid 统一社会信用代码") }
      case .residentID:
        guard ResidentIdNumber.hasValidCheckCharacter(normalized) else { throw AccountError("not a valid ID number") }
      case .travelPermit:
        guard normalized.count >= 8, normalized.allSatisfy({ $0.isLetter || $0.isNumber }) else {
          throw AccountError("not a travel permit number")
        }
      case .staffNumber:
        throw AccountError("a staff number is for clerks")
      }
      guard roles.isEmpty else { throw AccountError("only clerks have roles") }
    }
    return Account(
      username: username, kind: kind, identity: normalized, identityType: type, name: name, roles: roles,
      serviceCentre: kind == .clerk ? serviceCentre : nil)
  }

  /// At least 12 characters; bcrypt reads only the first 72 bytes, so no more than that.
  public static func checkPassword(_ password: String) throws {
    guard password.count >= 12 else { throw AccountError("a password has at least 12 characters") }
    guard password.utf8.count <= 72 else { throw AccountError("a password has at most 72 bytes (bcrypt ignores the rest)") }
  }

  /// A random password for the bootstrap and resets: 20 characters, no look-alikes.
  public static func randomPassword() -> String {
    let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    var generator = SystemRandomNumberGenerator()
    return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
  }
}

/// A reason an account cannot be made as asked.
public struct AccountError: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}

/// Password hashing for the local `onewindow accounts` commands (bcrypt, like the service).
public enum Passwords {
  public static func hash(_ password: String, cost: Int = 12) -> String {
    Bcrypt.hash(password, cost: UInt8(cost))
  }
}
