
extension RegistryTransaction {
  // MARK: - Pre-filings

  package func insertPreFiling(_ row: PreFilingRow) throws -> Int64 {
    try db.cachedStatement(
      sql: """
        INSERT INTO prefiling(number, status, owner_name, owner_identity, premises_name, address, multi_licence_mode,
          building_materials, valid_from, valid_until, version, submitted_receipt, submitted_by_role, submitted_by_id,
          decided_by, reason, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [
        row.number, row.status, row.ownerName, row.ownerIdentity, row.premisesName, row.address,
        row.multiLicenceMode, row.buildingMaterials, row.validFrom, row.validUntil, row.version, row.submittedReceipt, row.submittedByRole,
        row.submittedByID, row.decidedBy, row.reason, row.updatedAt,
      ])
    return try db.lastInsertedRowID
  }

  package func updatePreFiling(_ row: PreFilingRow) throws {
    try db.cachedStatement(
      sql: """
        UPDATE prefiling SET number = ?, status = ?, owner_name = ?, owner_identity = ?, premises_name = ?, address = ?,
          multi_licence_mode = ?, valid_from = ?, valid_until = ?, version = ?, decided_by = ?, reason = ?, updated_at = ?
        WHERE id = ?
        """).execute(
      arguments: [
        row.number, row.status, row.ownerName, row.ownerIdentity, row.premisesName, row.address,
        row.multiLicenceMode, row.validFrom, row.validUntil, row.version, row.decidedBy, row.reason, row.updatedAt,
        row.id,
      ])
  }

  /// A pre-filing by its YBA number or by the receipt of its submission.
  package func preFiling(reference: String) throws -> PreFilingRow? {
    try Row.fetchOne(
      try db.cachedStatement(sql: "SELECT * FROM prefiling WHERE number = ? OR submitted_receipt = ?"), arguments: [reference, reference]
    ).map(Self.preFiling)
  }

  package func preFilings() throws -> [PreFilingRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM prefiling ORDER BY id")).map(Self.preFiling)
  }

  static func preFiling(_ row: Row) -> PreFilingRow {
    PreFilingRow(
      id: row["id"], number: row["number"], status: row["status"], ownerName: row["owner_name"],
      ownerIdentity: row["owner_identity"], premisesName: row["premises_name"], address: row["address"],
      multiLicenceMode: row["multi_licence_mode"], buildingMaterials: row["building_materials"],
      validFrom: row["valid_from"], validUntil: row["valid_until"],
      version: row["version"], submittedReceipt: row["submitted_receipt"], submittedByRole: row["submitted_by_role"],
      submittedByID: row["submitted_by_id"], decidedBy: row["decided_by"], reason: row["reason"],
      updatedAt: row["updated_at"])
  }

  package func insertVersion(
    preFilingID: Int64, version: Int, packetID: Int64, receipt: String, kind: String, at: String
  ) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO prefiling_version(prefiling_id, version, packet_id, receipt_number, kind, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [preFilingID, version, packetID, receipt, kind, at])
  }

  /// Versions of a pre-filing: number, kind, receipt, time, oldest first.
  package func versions(preFilingID: Int64) throws -> [(version: Int, kind: String, receipt: String, at: String, packetID: Int64)] {
    try Row.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM prefiling_version WHERE prefiling_id = ? ORDER BY version"), arguments: [preFilingID]
    ).map { ($0["version"], $0["kind"], $0["receipt_number"], $0["created_at"], $0["packet_id"]) }
  }

  // MARK: - Units and proofs

  package func insertUnit(preFilingID: Int64, _ unit: UnitRow) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO unit(prefiling_id, unit_id, floor, room, area, planned_use, capacity, features, has_consent,
          proof_materials, added_in, retired_in)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [
        preFilingID, unit.unitID, unit.floor, unit.room, unit.area, unit.plannedUse, unit.capacity, unit.features,
        unit.hasConsent, unit.proofMaterials, unit.addedIn, unit.retiredIn,
      ])
  }

  package func retireUnit(preFilingID: Int64, unitID: String, version: Int) throws {
    try db.cachedStatement(
      sql: "UPDATE unit SET retired_in = ? WHERE prefiling_id = ? AND unit_id = ? AND retired_in IS NULL").execute(
      arguments: [version, preFilingID, unitID])
  }

  package func updateUnitMaterials(preFilingID: Int64, unitID: String, proofMaterials: Int, hasConsent: Bool) throws {
    try db.cachedStatement(
      sql: "UPDATE unit SET proof_materials = ?, has_consent = ? WHERE prefiling_id = ? AND unit_id = ?").execute(
      arguments: [proofMaterials, hasConsent, preFilingID, unitID])
  }

  /// Every unit ever filed (retired ones carry `retiredIn`).
  package func units(preFilingID: Int64) throws -> [UnitRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM unit WHERE prefiling_id = ? ORDER BY rowid"), arguments: [preFilingID])
      .map(Self.unit)
  }

  package func unit(preFilingID: Int64, unitID: String) throws -> UnitRow? {
    try Row.fetchOne(
      try db.cachedStatement(sql: "SELECT * FROM unit WHERE prefiling_id = ? AND unit_id = ?"), arguments: [preFilingID, unitID]
    ).map(Self.unit)
  }

  static func unit(_ row: Row) -> UnitRow {
    UnitRow(
      unitID: row["unit_id"], floor: row["floor"], room: row["room"], area: row["area"],
      plannedUse: row["planned_use"], capacity: row["capacity"], features: row["features"],
      hasConsent: row["has_consent"], proofMaterials: row["proof_materials"], addedIn: row["added_in"],
      retiredIn: row["retired_in"])
  }

  package func insertProof(preFilingID: Int64, _ proof: ProofRow) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO proof(prefiling_id, proof_id, type, number, planned_use, covers, material_file, added_in, replaced_in,
          issuer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [
        preFilingID, proof.proofID, proof.type, proof.number, proof.plannedUse, proof.covers, proof.materialFile,
        proof.addedIn, proof.replacedIn, proof.issuer,
      ])
  }

  /// Live pre-filings (submitted, awaiting correction, or active and not past their validity on
  /// `asOf`) holding a current proof with this number (and issuer, where both are known).
  package func preFilingsHoldingProof(number: String, issuer: String, asOf: String) throws -> [(preFiling: PreFilingRow, proofID: String)] {
    try Row.fetchAll(
      try db.cachedStatement(
        sql: """
          SELECT prefiling.*, proof.proof_id AS held_proof FROM proof JOIN prefiling ON prefiling.id = proof.prefiling_id
          WHERE proof.number = ? AND proof.replaced_in IS NULL AND (proof.issuer IS NULL OR proof.issuer = ?)
            AND (prefiling.status IN ('submitted', 'correction-requested')
              OR (prefiling.status = 'active' AND (prefiling.valid_until IS NULL OR prefiling.valid_until >= ?)))
          ORDER BY prefiling.id
          """),
      arguments: [number, issuer, asOf]
    ).map { (Self.preFiling($0), $0["held_proof"]) }
  }

  /// Live pre-filings of this standard address holding a current unit on this floor and room.
  package func preFilingsHoldingUnit(address: String, floor: String, room: String, asOf: String) throws
    -> [(preFiling: PreFilingRow, unitID: String)]
  {
    try Row.fetchAll(
      try db.cachedStatement(
        sql: """
          SELECT prefiling.*, unit.unit_id AS held_unit FROM prefiling JOIN unit ON unit.prefiling_id = prefiling.id
          WHERE prefiling.address = ? AND unit.floor = ? AND unit.room = ? AND unit.retired_in IS NULL
            AND (prefiling.status IN ('submitted', 'correction-requested')
              OR (prefiling.status = 'active' AND (prefiling.valid_until IS NULL OR prefiling.valid_until >= ?)))
          ORDER BY prefiling.id
          """),
      arguments: [address, floor, room, asOf]
    ).map { (Self.preFiling($0), $0["held_unit"]) }
  }

  package func replaceProof(preFilingID: Int64, proofID: String, version: Int) throws {
    try db.cachedStatement(
      sql: "UPDATE proof SET replaced_in = ? WHERE prefiling_id = ? AND proof_id = ? AND replaced_in IS NULL").execute(
      arguments: [version, preFilingID, proofID])
  }

  /// Every proof ever filed (replaced ones carry `replacedIn`).
  package func proofs(preFilingID: Int64) throws -> [ProofRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM proof WHERE prefiling_id = ? ORDER BY rowid"), arguments: [preFilingID])
      .map { row in
        ProofRow(
          proofID: row["proof_id"], type: row["type"], number: row["number"], plannedUse: row["planned_use"],
          covers: row["covers"], materialFile: row["material_file"], addedIn: row["added_in"],
          replacedIn: row["replaced_in"], issuer: row["issuer"])
      }
  }

  // MARK: - Tenancies

  package func insertTenancy(_ tenancy: TenancyRow) throws -> Int64 {
    try db.cachedStatement(
      sql: """
        INSERT INTO tenancy(prefiling_id, unit_id, tenant_name, tenant_identity, activity, term_start, term_end,
          registered_on, receipt_number, bundle_number, ended_on)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).execute(
      arguments: [
        tenancy.preFilingID, tenancy.unitID, tenancy.tenantName, tenancy.tenantIdentity, tenancy.activity,
        tenancy.termStart, tenancy.termEnd, tenancy.registeredOn, tenancy.receiptNumber, tenancy.bundleNumber,
        tenancy.endedOn,
      ])
    return try db.lastInsertedRowID
  }

  /// Tenancies in force on `date` in one unit (not ended, term not over), leaving out the one a
  /// bundle under correction already holds (its resubmission keeps that place).
  package func activeTenancyCount(
    preFilingID: Int64, unitID: String, on date: String, excludingBundle: String? = nil
  ) throws -> Int {
    try Int.fetchOne(
      try db.cachedStatement(
      sql: """
        SELECT COUNT(*) FROM tenancy
        WHERE prefiling_id = ? AND unit_id = ? AND ended_on IS NULL AND term_end >= ? AND registered_on <= ?
          AND (bundle_number IS NULL OR bundle_number IS DISTINCT FROM ?)
        """),
      arguments: [preFilingID, unitID, date, date, excludingBundle]) ?? 0
  }

  package func tenancies(preFilingID: Int64) throws -> [TenancyRow] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM tenancy WHERE prefiling_id = ? ORDER BY id"), arguments: [preFilingID])
      .map(Self.tenancy)
  }

  package func endTenancies(bundleNumber: String, on date: String) throws {
    try db.cachedStatement(
      sql: "UPDATE tenancy SET ended_on = ? WHERE bundle_number = ? AND ended_on IS NULL").execute( arguments: [date, bundleNumber])
  }

  /// Sets the tenant's USCC on the tenancy a bundle took, once the number is issued.
  package func setTenancyIdentity(bundleNumber: String, identity: String) throws {
    try db.cachedStatement(
      sql: "UPDATE tenancy SET tenant_identity = ? WHERE bundle_number = ? AND ended_on IS NULL").execute(
      arguments: [identity, bundleNumber])
  }

  /// Whether a pre-filing or bundle (by number or submission receipt) waits for a correction.
  package func awaitsCorrection(_ reference: String) throws -> Bool {
    try Bool.fetchOne(
      try db.cachedStatement(
      sql: """
        SELECT EXISTS(SELECT 1 FROM prefiling WHERE (number = ? OR submitted_receipt = ?) AND status = 'correction-requested')
          OR EXISTS(SELECT 1 FROM bundle WHERE (number = ? OR receipt_number = ?) AND status = 'correction-requested')
        """),
      arguments: [reference, reference, reference, reference]) ?? false
  }

  static func tenancy(_ row: Row) -> TenancyRow {
    TenancyRow(
      id: row["id"], preFilingID: row["prefiling_id"], unitID: row["unit_id"], tenantName: row["tenant_name"],
      tenantIdentity: row["tenant_identity"], activity: row["activity"], termStart: row["term_start"],
      termEnd: row["term_end"], registeredOn: row["registered_on"], receiptNumber: row["receipt_number"],
      bundleNumber: row["bundle_number"], endedOn: row["ended_on"])
  }
}
