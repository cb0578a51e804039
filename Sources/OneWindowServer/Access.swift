import Hummingbird
import OneWindowKit

/// Who may do what over the service: the role table of PRODUCT.md ("Identity"). The actor of a
/// write is the authenticated account, never a field of the request; in replay mode it is the
/// step's actor, set by the replay token's holder.
enum Permission {
  /// Any signed-in account.
  case signedIn
  /// Submit a pre-filing, an amendment, a withdrawal: an owner (the registry checks it is the
  /// one the packet names) or any clerk at the window.
  case ownerOrClerk
  /// Register a tenant, submit a bundle: an applicant (checked against the packet) or any clerk.
  case applicantOrClerk
  /// Review a pre-filing, decide a track, revoke: a reviewer (four eyes is the registry's RG-002).
  case reviewer
  /// Issue, complete a cancellation.
  case issuer
  /// Accounts.
  case admin
  /// Any clerk (audit, reads across all records).
  case clerk
}

enum Access {
  /// The actor a request acts as, if it may do `permission`; otherwise `401` or `403`.
  /// Signed in, or a replay step (which may name no actor when it only reads or validates).
  static func requireSignedIn(_ context: ServiceContext) throws {
    try require(context, .signedIn)
  }

  /// `401` or `403` unless the request may do `permission`; a replay step always may.
  static func require(_ context: ServiceContext, _ permission: Permission) throws {
    if context.replay != nil { return }
    _ = try actor(context, permission)
  }

  static func actor(_ context: ServiceContext, _ permission: Permission) throws -> Actor {
    if let replay = context.replay {
      guard let actor = replay.actor else { throw Problem.badRequest("a replay step names its actor in X-Replay-Actor") }
      return actor
    }
    guard let account = context.account else { throw Problem.unauthorized(context) }
    let allowed: Bool
    switch permission {
    case .signedIn: allowed = true
    case .ownerOrClerk: allowed = account.kind == .owner || account.kind == .clerk
    case .applicantOrClerk: allowed = account.kind == .applicant || account.kind == .clerk
    case .reviewer: allowed = account.has(.reviewer)
    case .issuer: allowed = account.has(.issuer)
    case .admin: allowed = account.has(.admin)
    case .clerk: allowed = account.kind == .clerk
    }
    guard allowed else { throw Problem.forbidden(denial(permission)) }
    return account.actor
  }

  /// Whether the request may read a record belonging to `identities` (its owner, applicant or
  /// the actor its receipt names): any clerk, the identity itself, a replay step.
  static func mayRead(_ context: ServiceContext, owners identities: [String]) throws -> Bool {
    if context.replay != nil { return true }
    guard let account = context.account else { throw Problem.unauthorized(context) }
    if account.kind == .clerk { return true }
    return identities.map(Actor.normalized).contains(account.identity)
  }

  static func denial(_ permission: Permission) -> String {
    switch permission {
    case .signedIn: "sign in first"
    case .ownerOrClerk: "only the owner, or a clerk at the window, may file this"
    case .applicantOrClerk: "only the applicant, or a clerk at the window, may file this"
    case .reviewer: "only a clerk with the reviewer role may decide"
    case .issuer: "only a clerk with the issuer role may issue"
    case .admin: "only an administrator may manage accounts"
    case .clerk: "only clerks may do this"
    }
  }
}
