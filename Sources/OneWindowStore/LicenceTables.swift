package import OneWindowCore

/// A licence row: the business licence's USCC and the food licence of one individual business.
package struct LicenceRow: Sendable, Hashable {
  package var uscc: String
  package var foodLicenceNumber: String
  package var active: Bool
  package var name: String
  package var operatorName: String
  package var operatorIdentity: String
  /// Comma-separated food item codes.
  package var foodItems: String
  package var premises: String
  package var bundleNumber: String
  package var registeredOn: String
  package var foodValidFrom: String
  package var foodValidUntil: String
  package var endedOn: String?
  /// What the certificates say, as JSON owned by the caller (for replacement certificates).
  package var details: String

  package init(
    uscc: String, foodLicenceNumber: String, active: Bool, name: String, operatorName: String,
    operatorIdentity: String, foodItems: String, premises: String, bundleNumber: String, registeredOn: String,
    foodValidFrom: String, foodValidUntil: String, endedOn: String? = nil, details: String = "{}"
  ) {
    self.uscc = uscc
    self.foodLicenceNumber = foodLicenceNumber
    self.active = active
    self.name = name
    self.operatorName = operatorName
    self.operatorIdentity = operatorIdentity
    self.foodItems = foodItems
    self.premises = premises
    self.bundleNumber = bundleNumber
    self.registeredOn = registeredOn
    self.foodValidFrom = foodValidFrom
    self.foodValidUntil = foodValidUntil
    self.endedOn = endedOn
    self.details = details
  }
}

extension RegistryTransaction {
  /// The licence pair whose current food licence has this JY number.
  package func licenceRow(foodLicenceNumber: String) throws -> LicenceRow? {
    try Row.fetchOne(
      try db.cachedStatement(sql: "SELECT uscc FROM licence WHERE food_licence_number = ?"), arguments: [foodLicenceNumber]
    ).flatMap { row in try licenceRow(uscc: row["uscc"]) }
  }

  /// The bundle and day a number was issued under, if it ever was.
  package func issuedNumber(_ number: String) throws -> (kind: String, bundleNumber: String, issuedOn: String)? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM issued_number WHERE number = ?"), arguments: [number])
      .map { ($0["kind"], $0["bundle_number"], $0["issued_on"]) }
  }

  package func licenceRow(uscc: String) throws -> LicenceRow? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM licence WHERE uscc = ?"), arguments: [uscc]).map { row in
      LicenceRow(
        uscc: row["uscc"], foodLicenceNumber: row["food_licence_number"], active: row["active"], name: row["name"],
        operatorName: row["operator_name"], operatorIdentity: row["operator_identity"], foodItems: row["food_items"],
        premises: row["premises"], bundleNumber: row["bundle_number"], registeredOn: row["registered_on"],
        foodValidFrom: row["food_valid_from"], foodValidUntil: row["food_valid_until"], endedOn: row["ended_on"],
        details: row["details"])
    }
  }

  /// The licences as rule facts.
  package func licence(uscc: String) throws -> LicenceRecord? {
    try licenceRow(uscc: uscc).map { row in
      LicenceRecord(
        uscc: row.uscc, foodLicenceNumber: row.foodLicenceNumber, active: row.active, name: row.name,
        operatorName: row.operatorName, operatorIdentity: row.operatorIdentity,
        foodItems: row.foodItems.split(separator: ",").compactMap { FoodItem(rawValue: String($0)) },
        premisesSummary: row.premises, bundleNumber: row.bundleNumber)
    }
  }

  package func upsertLicence(_ row: LicenceRow) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO licence(uscc, food_licence_number, active, name, operator_name, operator_identity, food_items,
          premises, bundle_number, registered_on, food_valid_from, food_valid_until, ended_on, details)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(uscc) DO UPDATE SET food_licence_number = excluded.food_licence_number, active = excluded.active,
          name = excluded.name, operator_name = excluded.operator_name, operator_identity = excluded.operator_identity,
          food_items = excluded.food_items, premises = excluded.premises, bundle_number = excluded.bundle_number,
          food_valid_from = excluded.food_valid_from, food_valid_until = excluded.food_valid_until,
          ended_on = excluded.ended_on, details = excluded.details
        """).execute(
      arguments: [
        row.uscc, row.foodLicenceNumber, row.active, row.name, row.operatorName, row.operatorIdentity, row.foodItems,
        row.premises, row.bundleNumber, row.registeredOn, row.foodValidFrom, row.foodValidUntil, row.endedOn,
        row.details,
      ])
  }

  /// Whether a number was ever issued (or is on a licence loaded from elsewhere).
  package func licenceNumberExists(_ number: String) throws -> Bool {
    try Bool.fetchOne(
      try db.cachedStatement(
      sql: """
        SELECT EXISTS(SELECT 1 FROM issued_number WHERE number = ?)
          OR EXISTS(SELECT 1 FROM licence WHERE uscc = ? OR food_licence_number = ?)
        """),
      arguments: [number, number, number]) ?? false
  }

  /// Records a number as issued; the primary key makes a second issue of it fail.
  package func recordIssuedNumber(_ number: String, kind: String, bundleNumber: String, on date: String) throws {
    try db.cachedStatement(
      sql: "INSERT INTO issued_number(number, kind, bundle_number, issued_on) VALUES (?, ?, ?, ?)").execute(
      arguments: [number, kind, bundleNumber, date])
  }

  /// Every number issued, oldest first: number, kind, bundle.
  package func issuedNumbers() throws -> [(number: String, kind: String, bundle: String)] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM issued_number ORDER BY rowid")).map {
      ($0["number"], $0["kind"], $0["bundle_number"])
    }
  }
}
