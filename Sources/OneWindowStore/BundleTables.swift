
/// A restaurant bundle row (current state; its packets are in `bundle_packet`).
package struct BundleRow: Sendable, Hashable {
  package var id: Int64
  package var number: String
  package var kind: String
  package var status: String
  package var operatorName: String
  package var operatorIdentity: String
  package var businessName: String
  package var uscc: String?
  package var foodLicence: String?
  package var preFilingNumber: String?
  package var unitID: String?
  /// Comma-separated change fields.
  package var changedFields: String
  package var inspectionNeeded: Bool
  package var acceptedOn: String
  /// When the current count of working days started (acceptance, or a corrected resubmission).
  package var clockStart: String
  /// Empty while the clock is stopped for a correction.
  package var dueOn: String
  package var issuedOn: String?
  package var workingDaysTaken: Int?
  package var packetID: Int64
  package var receiptNumber: String
  package var submittedByRole: String
  package var submittedByID: String
  package var updatedAt: String
  package var version: Int
  package var issuancePacketID: Int64?
  /// What issuance needs, as JSON, recorded when the bundle was accepted (nil for bundles
  /// accepted before it was recorded).
  package var issuanceBasis: String?
  /// Where the shop is: `<pre-filing number>#<unit>` or the declared address, floor and room.
  package var premisesKey: String? = nil
  /// The name's 字号 and 行业, for the one-name-per-trade check.
  package var tradeName: String? = nil
  package var industry: String? = nil
  /// The due date needs a holiday schedule not yet published (completed when it is).
  package var dueProvisional = false
  /// The working days taken need a holiday schedule not yet published.
  package var workingDaysProvisional = false

  package init(
    id: Int64 = 0, number: String, kind: String, status: String, operatorName: String, operatorIdentity: String,
    businessName: String, uscc: String?, foodLicence: String?, preFilingNumber: String?, unitID: String?,
    changedFields: String, inspectionNeeded: Bool, acceptedOn: String, clockStart: String, dueOn: String,
    issuedOn: String? = nil, workingDaysTaken: Int? = nil, packetID: Int64, receiptNumber: String,
    submittedByRole: String, submittedByID: String, updatedAt: String, version: Int = 1, issuancePacketID: Int64? = nil,
    issuanceBasis: String? = nil
  ) {
    self.id = id
    self.number = number
    self.kind = kind
    self.status = status
    self.operatorName = operatorName
    self.operatorIdentity = operatorIdentity
    self.businessName = businessName
    self.uscc = uscc
    self.foodLicence = foodLicence
    self.preFilingNumber = preFilingNumber
    self.unitID = unitID
    self.changedFields = changedFields
    self.inspectionNeeded = inspectionNeeded
    self.acceptedOn = acceptedOn
    self.clockStart = clockStart
    self.dueOn = dueOn
    self.issuedOn = issuedOn
    self.workingDaysTaken = workingDaysTaken
    self.packetID = packetID
    self.receiptNumber = receiptNumber
    self.submittedByRole = submittedByRole
    self.submittedByID = submittedByID
    self.updatedAt = updatedAt
    self.version = version
    self.issuancePacketID = issuancePacketID
    self.issuanceBasis = issuanceBasis
  }
}

/// One review track of a bundle.
package struct TrackRow: Sendable, Hashable {
  package var track: String
  package var status: String
  package var decidedBy: String?
  package var decidedOn: String?
  /// Reasons, one per line.
  package var reasons: String
  package var decisionPacketID: Int64?
  package var inspectedOn: String?
  /// Comma-separated staff numbers.
  package var inspectors: String
  package var inspectionResult: String?

  package init(
    track: String, status: String, decidedBy: String? = nil, decidedOn: String? = nil, reasons: String = "",
    decisionPacketID: Int64? = nil, inspectedOn: String? = nil, inspectors: String = "", inspectionResult: String? = nil
  ) {
    self.track = track
    self.status = status
    self.decidedBy = decidedBy
    self.decidedOn = decidedOn
    self.reasons = reasons
    self.decisionPacketID = decisionPacketID
    self.inspectedOn = inspectedOn
    self.inspectors = inspectors
    self.inspectionResult = inspectionResult
  }
}

extension RegistryTransaction {
  package func insertBundle(_ row: BundleRow) throws -> Int64 {
    try db.cachedStatement(
      sql: """
        INSERT INTO bundle(number, kind, status, operator_name, operator_identity, business_name, uscc, food_licence,
          prefiling_number, unit_id, changed_fields, inspection_needed, accepted_on, clock_start, due_on, issued_on,
          working_days_taken, packet_id, receipt_number, submitted_by_role, submitted_by_id, updated_at, version,
          issuance_packet_id, issuance_basis, premises_key, trade_name, industry, due_provisional,
          working_days_provisional)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [
        row.number, row.kind, row.status, row.operatorName, row.operatorIdentity, row.businessName, row.uscc,
        row.foodLicence, row.preFilingNumber, row.unitID, row.changedFields, row.inspectionNeeded, row.acceptedOn,
        row.clockStart, row.dueOn, row.issuedOn, row.workingDaysTaken, row.packetID, row.receiptNumber,
        row.submittedByRole, row.submittedByID, row.updatedAt, row.version, row.issuancePacketID, row.issuanceBasis,
        row.premisesKey, row.tradeName, row.industry, row.dueProvisional, row.workingDaysProvisional,
      ])
    return try db.lastInsertedRowID
  }

  package func updateBundle(_ row: BundleRow) throws {
    try db.cachedStatement(
      sql: """
        UPDATE bundle SET status = ?, operator_name = ?, operator_identity = ?, business_name = ?, uscc = ?,
          food_licence = ?, prefiling_number = ?, unit_id = ?, changed_fields = ?, inspection_needed = ?,
          clock_start = ?, due_on = ?, issued_on = ?, working_days_taken = ?, packet_id = ?, updated_at = ?,
          version = ?, issuance_packet_id = ?, issuance_basis = ?, premises_key = ?, trade_name = ?, industry = ?,
          due_provisional = ?, working_days_provisional = ?
        WHERE id = ?
        """).execute(
      arguments: [
        row.status, row.operatorName, row.operatorIdentity, row.businessName, row.uscc, row.foodLicence,
        row.preFilingNumber, row.unitID, row.changedFields, row.inspectionNeeded, row.clockStart, row.dueOn,
        row.issuedOn, row.workingDaysTaken, row.packetID, row.updatedAt, row.version, row.issuancePacketID,
        row.issuanceBasis, row.premisesKey, row.tradeName, row.industry, row.dueProvisional,
        row.workingDaysProvisional, row.id,
      ])
  }

  /// A bundle by its YJS number or the receipt of its submission.
  package func bundle(reference: String) throws -> BundleRow? {
    try Row.fetchOne(
      try db.cachedStatement(sql: "SELECT * FROM bundle WHERE number = ? OR receipt_number = ?"), arguments: [reference, reference]
    ).map(Self.bundle)
  }

  package func bundles() throws -> [BundleRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM bundle ORDER BY id")).map(Self.bundle)
  }

  /// Bundles still open (not issued, not rejected) for a USCC.
  package func openBundles(uscc: String) throws -> [BundleRow] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM bundle WHERE uscc = ? AND status NOT IN ('issued', 'rejected') ORDER BY id"),
      arguments: [uscc]
    ).map(Self.bundle)
  }

  static func bundle(_ row: Row) -> BundleRow {
    var bundle = BundleRow(
      id: row["id"], number: row["number"], kind: row["kind"], status: row["status"],
      operatorName: row["operator_name"], operatorIdentity: row["operator_identity"],
      businessName: row["business_name"], uscc: row["uscc"], foodLicence: row["food_licence"],
      preFilingNumber: row["prefiling_number"], unitID: row["unit_id"], changedFields: row["changed_fields"],
      inspectionNeeded: row["inspection_needed"], acceptedOn: row["accepted_on"], clockStart: row["clock_start"],
      dueOn: row["due_on"], issuedOn: row["issued_on"], workingDaysTaken: row["working_days_taken"],
      packetID: row["packet_id"], receiptNumber: row["receipt_number"], submittedByRole: row["submitted_by_role"],
      submittedByID: row["submitted_by_id"], updatedAt: row["updated_at"], version: row["version"],
      issuancePacketID: row["issuance_packet_id"], issuanceBasis: row["issuance_basis"])
    bundle.premisesKey = row["premises_key"]
    bundle.tradeName = row["trade_name"]
    bundle.industry = row["industry"]
    bundle.dueProvisional = row["due_provisional"]
    bundle.workingDaysProvisional = row["working_days_provisional"]
    return bundle
  }

  /// Openings not rejected that the one-shop-one-licence-pair checks compare with a new one: the
  /// same operator's under the same name or at the same premises, and anyone's with the same 字号
  /// and 行业. Index searches, however many shops an operator has.
  package func liveBundles(
    operatorIdentity: String, businessName: String, premisesKey: String?, tradeName: String, industry: String
  ) throws -> [BundleRow] {
    try Row.fetchAll(
      try db.cachedStatement(
        sql: """
          SELECT * FROM bundle WHERE kind = 'OPENING' AND status != 'rejected' AND id IN (
            SELECT id FROM bundle WHERE operator_identity = ? AND (business_name = ? OR premises_key = ?)
            UNION SELECT id FROM bundle WHERE trade_name = ? AND industry = ?)
          ORDER BY id
          """),
      arguments: [operatorIdentity, businessName, premisesKey, tradeName, industry]
    ).map(Self.bundle)
  }

  /// Bundles whose due date or working days wait for a holiday schedule.
  package func provisionalBundles() throws -> [BundleRow] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM bundle WHERE due_provisional = 1 OR working_days_provisional = 1 ORDER BY id")
    ).map(Self.bundle)
  }

  // MARK: - Tracks

  package func insertTrack(bundleID: Int64, _ track: TrackRow) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO bundle_track(bundle_id, track, status, decided_by, decided_on, reasons, decision_packet_id,
          inspected_on, inspectors, inspection_result)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [
        bundleID, track.track, track.status, track.decidedBy, track.decidedOn, track.reasons, track.decisionPacketID,
        track.inspectedOn, track.inspectors, track.inspectionResult,
      ])
  }

  package func updateTrack(bundleID: Int64, _ track: TrackRow) throws {
    try db.cachedStatement(
      sql: """
        UPDATE bundle_track SET status = ?, decided_by = ?, decided_on = ?, reasons = ?, decision_packet_id = ?,
          inspected_on = ?, inspectors = ?, inspection_result = ?
        WHERE bundle_id = ? AND track = ?
        """).execute(
      arguments: [
        track.status, track.decidedBy, track.decidedOn, track.reasons, track.decisionPacketID, track.inspectedOn,
        track.inspectors, track.inspectionResult, bundleID, track.track,
      ])
  }

  /// A bundle's tracks, business first.
  package func tracks(bundleID: Int64) throws -> [TrackRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM bundle_track WHERE bundle_id = ? ORDER BY track"), arguments: [bundleID])
      .map { row in
        TrackRow(
          track: row["track"], status: row["status"], decidedBy: row["decided_by"], decidedOn: row["decided_on"],
          reasons: row["reasons"], decisionPacketID: row["decision_packet_id"], inspectedOn: row["inspected_on"],
          inspectors: row["inspectors"], inspectionResult: row["inspection_result"])
      }
  }

  // MARK: - Packets of a bundle

  package func insertBundlePacket(
    bundleID: Int64, version: Int, packetID: Int64, receipt: String, kind: String, at: String
  ) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO bundle_packet(bundle_id, version, packet_id, receipt_number, kind, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [bundleID, version, packetID, receipt, kind, at])
  }

  /// The packets a bundle was submitted with, oldest first.
  package func bundlePackets(bundleID: Int64) throws -> [(version: Int, kind: String, receipt: String, at: String)] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM bundle_packet WHERE bundle_id = ? ORDER BY version"), arguments: [bundleID]
    ).map { ($0["version"], $0["kind"], $0["receipt_number"], $0["created_at"]) }
  }
}
