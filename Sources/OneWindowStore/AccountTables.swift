
/// An account row: a clerk (staff number, roles, service centre), an owner or an applicant
/// (bound to an identity number), with its bcrypt password hash.
package struct AccountRow: Sendable, Hashable {
  package var username: String
  package var kind: String
  package var identity: String
  package var identityType: String
  package var name: String
  /// Comma-separated clerk roles.
  package var roles: String
  package var serviceCentre: String?
  package var passwordHash: String
  package var active: Bool
  package var createdAt: String
  package var updatedAt: String

  package init(
    username: String, kind: String, identity: String, identityType: String, name: String, roles: String,
    serviceCentre: String?, passwordHash: String, active: Bool, createdAt: String, updatedAt: String
  ) {
    self.username = username
    self.kind = kind
    self.identity = identity
    self.identityType = identityType
    self.name = name
    self.roles = roles
    self.serviceCentre = serviceCentre
    self.passwordHash = passwordHash
    self.active = active
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}

extension RegistryTransaction {
  package func insertAccount(_ row: AccountRow) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO account(username, kind, identity, identity_type, name, roles, service_centre, password_hash, active,
          created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      row.username, row.kind, row.identity, row.identityType, row.name, row.roles, row.serviceCentre, row.passwordHash,
      row.active, row.createdAt, row.updatedAt,
    ])
  }

  package func updateAccount(_ row: AccountRow) throws {
    try db.cachedStatement(
      sql: """
        UPDATE account SET name = ?, roles = ?, service_centre = ?, password_hash = ?, active = ?, updated_at = ?
        WHERE username = ?
        """
    ).execute(arguments: [row.name, row.roles, row.serviceCentre, row.passwordHash, row.active, row.updatedAt, row.username])
  }

  /// Whether any clerk account exists (then a write's clerk must be one of them, and active).
  package func hasClerkAccounts() throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM account WHERE kind = 'CLERK')") ?? false
  }

  /// Whether an active clerk account has this staff number.
  package func isActiveClerk(staffNumber: String) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT EXISTS(SELECT 1 FROM account WHERE kind = 'CLERK' AND identity = ? AND active = 1)",
      arguments: [staffNumber]) ?? false
  }

  /// The service centre of the active clerk account with this staff number, if it has one.
  package func clerkServiceCentre(staffNumber: String) throws -> String? {
    try String.fetchOne(
      db,
      sql: "SELECT service_centre FROM account WHERE kind = 'CLERK' AND identity = ? AND active = 1 AND service_centre IS NOT NULL LIMIT 1",
      arguments: [staffNumber])
  }

  package func account(username: String) throws -> AccountRow? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM account WHERE username = ?"), arguments: [username])
      .map(Self.account)
  }

  package func accounts() throws -> [AccountRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM account ORDER BY username")).map(Self.account)
  }

  package func accountCount() throws -> Int {
    try Int.fetchOne(try db.cachedStatement(sql: "SELECT COUNT(*) FROM account")) ?? 0
  }

  static func account(_ row: Row) -> AccountRow {
    AccountRow(
      username: row["username"], kind: row["kind"], identity: row["identity"], identityType: row["identity_type"],
      name: row["name"], roles: row["roles"], serviceCentre: row["service_centre"], passwordHash: row["password_hash"],
      active: row["active"], createdAt: row["created_at"], updatedAt: row["updated_at"])
  }

  // MARK: - API tokens (stored as SHA-256 of the token)

  package func insertToken(hash: String, username: String, createdAt: String, expiresAt: String) throws {
    try db.cachedStatement(
      sql: "INSERT INTO api_token(token_hash, username, created_at, expires_at, revoked) VALUES (?, ?, ?, ?, 0)"
    ).execute(arguments: [hash, username, createdAt, expiresAt])
  }

  /// The account a live token (not revoked, not expired at `now`) belongs to.
  package func tokenAccount(hash: String, now: String) throws -> AccountRow? {
    try Row.fetchOne(
      try db.cachedStatement(
        sql: """
          SELECT account.* FROM api_token JOIN account ON account.username = api_token.username
          WHERE api_token.token_hash = ? AND api_token.revoked = 0 AND api_token.expires_at > ?
          """),
      arguments: [hash, now]
    ).map(Self.account)
  }

  package func revokeToken(hash: String) throws {
    try db.cachedStatement(sql: "UPDATE api_token SET revoked = 1 WHERE token_hash = ?").execute(arguments: [hash])
  }

  package func revokeTokens(username: String) throws {
    try db.cachedStatement(sql: "UPDATE api_token SET revoked = 1 WHERE username = ?").execute(arguments: [username])
  }
}
