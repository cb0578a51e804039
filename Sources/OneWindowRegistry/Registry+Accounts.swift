import Foundation
import OneWindowCore
import OneWindowStore
public import OneWindowValidation

/// What kind of person an account is.
public enum AccountKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Bureau staff, by staff number, with roles and a service centre.
  case clerk = "CLERK"
  /// A property owner, bound to a 统一社会信用代码 or an identity document number.
  case owner = "OWNER"
  /// An applicant (a tenant, a restaurant operator), bound likewise.
  case applicant = "APPLICANT"
}

/// What a clerk may do beyond entering packets at the window (PRODUCT.md, the role table).
public enum ClerkRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// Reviews pre-filings, decides tracks, revokes.
  case reviewer = "REVIEWER"
  /// Records on-site inspections.
  case inspector = "INSPECTOR"
  /// Issues licences and completes cancellations.
  case issuer = "ISSUER"
  /// Manages accounts.
  case admin = "ADMIN"

  public static func < (lhs: ClerkRole, rhs: ClerkRole) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The kind of identity number an owner or applicant account is bound to.
public enum IdentityType: String, Sendable, Hashable, Codable, CaseIterable {
  /// 统一社会信用代码.
  case uscc = "USCC"
  /// 居民身份证号, or a 港澳台居民居住证 number (same format).
  case residentID = "RESIDENT_ID"
  /// 港澳居民来往内地通行证 or 台湾居民来往大陆通行证.
  case travelPermit = "TRAVEL_PERMIT"
  /// A clerk's staff number.
  case staffNumber = "STAFF_NUMBER"
}

/// An account as others see it (never its password hash).
public struct Account: Sendable, Hashable, Codable {
  public var username: String
  public var kind: AccountKind
  /// The staff number, or the identity number the account is bound to (normalised).
  public var identity: String
  public var identityType: IdentityType
  public var name: String
  public var roles: [ClerkRole]
  /// The clerk's service centre (the district hall or a street centre).
  public var serviceCentre: String?
  public var active: Bool

  public init(
    username: String, kind: AccountKind, identity: String, identityType: IdentityType, name: String,
    roles: [ClerkRole] = [], serviceCentre: String? = nil, active: Bool = true
  ) {
    self.username = username
    self.kind = kind
    self.identity = Actor.normalized(identity)
    self.identityType = identityType
    self.name = name
    self.roles = roles.sorted()
    self.serviceCentre = serviceCentre
    self.active = active
  }

  /// The registry actor the account acts as.
  public var actor: Actor {
    switch kind {
    case .clerk: .clerk(identity)
    case .owner: .owner(identity)
    case .applicant: .applicant(identity)
    }
  }

  public func has(_ role: ClerkRole) -> Bool { kind == .clerk && roles.contains(role) }
}

/// Who and where a write came from over the service: recorded on its receipt and audit events.
public struct OperationOrigin: Sendable, Hashable, Codable {
  public var account: String
  public var serviceCentre: String?
  public var requestID: String

  public init(account: String, serviceCentre: String?, requestID: String) {
    self.account = account
    self.serviceCentre = serviceCentre
    self.requestID = requestID
  }
}

extension Registry {
  /// Every account, by username.
  public func accounts() async throws(OneWindowError) -> [Account] {
    try await read { transaction in try transaction.accounts().map(Self.account) }
  }

  /// An account and its password hash (for signing in).
  public func account(_ username: String) async throws(OneWindowError) -> (account: Account, passwordHash: String)? {
    try await read { transaction in try transaction.account(username: username).map { (Self.account($0), $0.passwordHash) } }
  }

  /// Whether any account exists (the one-time bootstrap makes the first admin only then).
  public func hasAccounts() async throws(OneWindowError) -> Bool {
    try await read { transaction in try transaction.accountCount() > 0 }
  }

  /// Adds an account with a password hash made by the caller (bcrypt); logged in the audit chain.
  public func addAccount(_ account: Account, passwordHash: String, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) {
    try await recordChange("account.added", subject: account.username, actor: actor, clock: clock) { transaction in
      guard try transaction.account(username: account.username) == nil else {
        throw OneWindowError.registry(
          RegistryFailure(kind: .constraint, location: "", detail: "an account named \(account.username) exists"))
      }
      try transaction.insertAccount(
        AccountRow(
          username: account.username, kind: account.kind.rawValue, identity: account.identity,
          identityType: account.identityType.rawValue, name: account.name,
          roles: account.roles.map(\.rawValue).joined(separator: ","), serviceCentre: account.serviceCentre,
          passwordHash: passwordHash, active: account.active, createdAt: clock.recordedAt, updatedAt: clock.recordedAt))
      return "kind=\(account.kind.rawValue); roles=\(account.roles.map(\.rawValue).joined(separator: ","))"
    }
  }

  /// Disables (or re-enables) an account; its tokens are revoked.
  public func setAccount(_ username: String, active: Bool, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) {
    try await recordChange(active ? "account.enabled" : "account.disabled", subject: username, actor: actor, clock: clock) {
      transaction in
      guard var row = try transaction.account(username: username) else { throw Self.noAccount(username) }
      row.active = active
      row.updatedAt = clock.recordedAt
      try transaction.updateAccount(row)
      try transaction.revokeTokens(username: username)
      return ""
    }
  }

  /// Sets a new password hash; the account's tokens are revoked.
  public func resetPassword(_ username: String, passwordHash: String, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) {
    try await recordChange("account.password-reset", subject: username, actor: actor, clock: clock) { transaction in
      guard var row = try transaction.account(username: username) else { throw Self.noAccount(username) }
      row.passwordHash = passwordHash
      row.updatedAt = clock.recordedAt
      try transaction.updateAccount(row)
      try transaction.revokeTokens(username: username)
      return ""
    }
  }

  /// Stores an API token by its SHA-256, valid until `expiresAt` (UTC ISO 8601).
  public func storeToken(sha256: String, username: String, expiresAt: String) async throws(OneWindowError) {
    do {
      try await store.write { transaction in
        try transaction.insertToken(hash: sha256, username: username, createdAt: RecordedTime.now(), expiresAt: expiresAt)
      }
    } catch {
      throw failure(error)
    }
  }

  /// The active account a live token belongs to.
  public func tokenAccount(sha256: String) async throws(OneWindowError) -> Account? {
    let now = RecordedTime.now()
    return try await read { transaction in
      try transaction.tokenAccount(hash: sha256, now: now).map(Self.account).flatMap { $0.active ? $0 : nil }
    }
  }

  /// Revokes one token.
  public func revokeToken(sha256: String) async throws(OneWindowError) {
    do {
      try await store.write { transaction in try transaction.revokeToken(hash: sha256) }
    } catch {
      throw failure(error)
    }
  }

  static func account(_ row: AccountRow) -> Account {
    Account(
      username: row.username, kind: AccountKind(rawValue: row.kind) ?? .applicant, identity: row.identity,
      identityType: IdentityType(rawValue: row.identityType) ?? .residentID, name: row.name,
      roles: row.roles.split(separator: ",").compactMap { ClerkRole(rawValue: String($0)) },
      serviceCentre: row.serviceCentre, active: row.active)
  }

  static func noAccount(_ username: String) -> OneWindowError {
    .registry(RegistryFailure(kind: .missing, location: "", detail: "no account named \(username)"))
  }

  /// A change that is not a packet operation (accounts): one transaction, one audit event
  /// carrying the state ledger's digest of the rows it changed.
  func recordChange(
    _ action: String, subject: String, actor: Actor, clock: RegistryClock,
    _ body: @escaping @Sendable (RegistryTransaction) throws -> String
  ) async throws(OneWindowError) {
    do {
      try await store.write { transaction in
        let detail = try body(transaction)
        let state = try transaction.takeStateChanges()
        var full = detail
        if let origin { full += (full.isEmpty ? "" : "; ") + origin.auditDetail }
        if !state.isEmpty { full += (full.isEmpty ? "" : "; ") + "state=\(StateLedger.summary(state))" }
        let recordedAt = clock.isOfficial ? (try transaction.databaseTime() ?? clock.recordedAt) : clock.recordedAt
        let head = try transaction.appendAudit(
          at: clock.now, recordedAt: recordedAt, actorRole: actor.role.rawValue, actorID: actor.id, action: action,
          subject: subject, detail: full)
        try transaction.insertStateRecords(state, sequence: head.sequence)
      }
    } catch {
      throw failure(error)
    }
  }
}

extension OperationOrigin {
  /// As written into an audit event's detail.
  var auditDetail: String {
    "account=\(account); centre=\(serviceCentre ?? "-"); request=\(requestID)"
  }
}
