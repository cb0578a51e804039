import Foundation

/// A certificate a bundle of a definition issued (`permit`): one per track, numbered by the
/// track's allocator; a change updates it in place, a cancellation ends it.
package struct PermitRow: Sendable, Hashable {
  package var number: String
  package var definition: String
  package var track: String
  /// The bundle that last issued or changed it.
  package var bundleNumber: String
  package var holderName: String
  package var holderIdentity: String
  package var subject: String
  package var place: String
  package var uscc: String?
  package var validFrom: String
  package var validUntil: String?
  package var active: Bool
  package var endedOn: String?

  package init(
    number: String, definition: String, track: String, bundleNumber: String, holderName: String, holderIdentity: String,
    subject: String, place: String, uscc: String?, validFrom: String, validUntil: String?, active: Bool = true,
    endedOn: String? = nil
  ) {
    self.number = number
    self.definition = definition
    self.track = track
    self.bundleNumber = bundleNumber
    self.holderName = holderName
    self.holderIdentity = holderIdentity
    self.subject = subject
    self.place = place
    self.uscc = uscc
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.active = active
    self.endedOn = endedOn
  }
}

extension RegistryTransaction {
  /// Records which definition a bundle follows (bundles without a record are restaurants).
  package func insertBundleDefinition(bundleID: Int64, definition: String, version: Int) throws {
    try db.cachedStatement(sql: "INSERT INTO bundle_definition(bundle_id, definition, definition_version) VALUES (?, ?, ?)")
      .execute(arguments: [bundleID, definition, version])
  }

  /// The definition a bundle follows, nil for a restaurant bundle.
  package func bundleDefinition(bundleID: Int64) throws -> (definition: String, version: Int)? {
    try Row.fetchOne(
      try db.cachedStatement(sql: "SELECT definition, definition_version FROM bundle_definition WHERE bundle_id = ?"),
      arguments: [bundleID]
    ).map { ($0["definition"], $0["definition_version"]) }
  }

  package func insertPermit(_ permit: PermitRow) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO permit(number, definition, track, bundle_number, holder_name, holder_identity, subject, place, uscc,
          valid_from, valid_until, active, ended_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: Self.arguments(permit))
  }

  package func updatePermit(_ permit: PermitRow) throws {
    try db.cachedStatement(
      sql: """
        UPDATE permit SET definition = ?, track = ?, bundle_number = ?, holder_name = ?, holder_identity = ?, subject = ?,
          place = ?, uscc = ?, valid_from = ?, valid_until = ?, active = ?, ended_on = ? WHERE number = ?
        """
    ).execute(arguments: StatementArguments(Array(Self.arguments(permit).values.dropFirst()) + [.text(permit.number)]))
  }

  package func permit(number: String) throws -> PermitRow? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM permit WHERE number = ?"), arguments: [number]).map(Self.permit)
  }

  /// The permits a bundle issued or last changed, in number order.
  package func permits(bundleNumber: String) throws -> [PermitRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM permit WHERE bundle_number = ? ORDER BY number"), arguments: [bundleNumber])
      .map(Self.permit)
  }

  private static func arguments(_ permit: PermitRow) -> StatementArguments {
    [
      permit.number, permit.definition, permit.track, permit.bundleNumber, permit.holderName, permit.holderIdentity,
      permit.subject, permit.place, permit.uscc, permit.validFrom, permit.validUntil, permit.active, permit.endedOn,
    ]
  }

  static func permit(_ row: Row) -> PermitRow {
    PermitRow(
      number: row["number"], definition: row["definition"], track: row["track"], bundleNumber: row["bundle_number"],
      holderName: row["holder_name"], holderIdentity: row["holder_identity"], subject: row["subject"], place: row["place"],
      uscc: row["uscc"], validFrom: row["valid_from"], validUntil: row["valid_until"], active: row["active"],
      endedOn: row["ended_on"])
  }
}
