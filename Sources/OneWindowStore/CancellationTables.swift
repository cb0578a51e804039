
/// A simplified cancellation's push to the tax and other departments and their objection period
/// (条例 art 33 ¶3): a row per simplified cancellation bundle.
package struct CancellationPeriodRow: Sendable, Hashable {
  package var bundleID: Int64
  /// The business date the application was pushed (its acceptance).
  package var pushedOn: String
  /// The last calendar day a department may object.
  package var objectionUntil: String
  package var objectedOn: String?
  package var department: String?
  package var reason: String?
  package var recordedBy: String?
  package var receiptNumber: String?

  package init(bundleID: Int64, pushedOn: String, objectionUntil: String) {
    self.bundleID = bundleID
    self.pushedOn = pushedOn
    self.objectionUntil = objectionUntil
  }
}

extension RegistryTransaction {
  package func insertCancellationPeriod(_ row: CancellationPeriodRow) throws {
    try db.execute(
      sql: "INSERT INTO cancellation_period(bundle_id, pushed_on, objection_until) VALUES (?, ?, ?)",
      arguments: [row.bundleID, row.pushedOn, row.objectionUntil])
  }

  package func updateCancellationPeriod(_ row: CancellationPeriodRow) throws {
    try db.execute(
      sql: """
        UPDATE cancellation_period SET pushed_on = ?, objection_until = ?, objected_on = ?, department = ?, reason = ?,
          recorded_by = ?, receipt_number = ?
        WHERE bundle_id = ?
        """,
      arguments: [
        row.pushedOn, row.objectionUntil, row.objectedOn, row.department, row.reason, row.recordedBy, row.receiptNumber,
        row.bundleID,
      ])
  }

  package func cancellationPeriod(bundleID: Int64) throws -> CancellationPeriodRow? {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cancellation_period WHERE bundle_id = ?", arguments: [bundleID])
    else { return nil }
    var period = CancellationPeriodRow(bundleID: row["bundle_id"], pushedOn: row["pushed_on"], objectionUntil: row["objection_until"])
    period.objectedOn = row["objected_on"]
    period.department = row["department"]
    period.reason = row["reason"]
    period.recordedBy = row["recorded_by"]
    period.receiptNumber = row["receipt_number"]
    return period
  }
}
