import Foundation
public import OneWindowCore
import OneWindowStore
public import OneWindowValidation

/// One pre-filing in a list: its number, state on the reference date, owner and premises.
public struct PreFilingSummary: Sendable, Hashable, Codable {
  /// `YBA-370202-2026-000001` once approved.
  public var number: String?
  /// The receipt of its submission (the reference before it has a number).
  public var submittedReceipt: String
  /// The state on the reference date: an active pre-filing past its validity is `expired`.
  public var status: PreFilingStatus
  public var ownerName: String
  public var ownerIdentity: String
  public var premisesName: String
  public var address: String
  public var validFrom: CivilDate?
  public var validUntil: CivilDate?
  public var version: Int
  /// Units in scope (not retired).
  public var units: Int
  /// Places over all units in scope, and those taken on the reference date.
  public var places: Int
  public var occupied: Int

  /// The number, or the submission receipt before approval.
  public var reference: String { number ?? submittedReceipt }
}

/// A pre-filing in full: units with their occupation, proofs, versions, tenancies and history.
public struct PreFilingDetail: Sendable, Hashable, Codable {
  public struct UnitView: Sendable, Hashable, Codable {
    public var id: String
    public var floor: String
    public var room: String
    public var area: Double
    public var plannedUse: String
    public var capacity: Int
    public var occupied: Int
    public var addedIn: Int
    public var retiredIn: Int?
  }

  public struct ProofView: Sendable, Hashable, Codable {
    public var id: String
    public var type: String
    public var number: String
    public var covers: [String]
    public var addedIn: Int
    public var replacedIn: Int?
  }

  public struct VersionView: Sendable, Hashable, Codable {
    public var version: Int
    public var kind: String
    public var receipt: String
    public var at: String
  }

  public struct TenancyView: Sendable, Hashable, Codable {
    public var unit: String
    public var tenant: String
    public var activity: String
    public var termStart: String
    public var termEnd: String
    public var registeredOn: String
    public var receipt: String
    public var inForce: Bool
  }

  public var summary: PreFilingSummary
  /// The reason given for a rejection, correction request, revocation or withdrawal.
  public var reason: String?
  public var decidedBy: String?
  public var units: [UnitView]
  public var proofs: [ProofView]
  public var versions: [VersionView]
  public var tenancies: [TenancyView]
  /// The submission's review findings (审查), put before the reviewer; approving over an error
  /// among them needs a reason (`RG-009`).
  public var reviewFindings: [Finding] = []
  public var history: [AuditEntry]
}

/// Which pre-filings `list` shows.
public struct PreFilingFilter: Sendable, Hashable {
  public var status: PreFilingStatus?
  public var ownerIdentity: String?

  public init(status: PreFilingStatus? = nil, ownerIdentity: String? = nil) {
    self.status = status
    self.ownerIdentity = ownerIdentity
  }
}

extension Registry {
  /// Pre-filings as they stand on `asOf`, oldest first.
  public func preFilings(asOf: CivilDate, filter: PreFilingFilter = PreFilingFilter()) async throws(OneWindowError)
    -> [PreFilingSummary]
  {
    return try await read { transaction in
        try transaction.preFilings()
          .filter { filter.ownerIdentity == nil || $0.ownerIdentity == filter.ownerIdentity }
          .map { row in try Self.summary(row, asOf: asOf, in: transaction) }
          .filter { filter.status == nil || $0.status == filter.status }
      }
  }

  /// One pre-filing by number or submission receipt, as it stands on `asOf`.
  public func preFiling(_ reference: String, asOf: CivilDate) async throws(OneWindowError) -> PreFilingDetail? {
    return try await read { transaction -> PreFilingDetail? in
        guard let row = try transaction.preFiling(reference: reference) else { return nil }
        let day = asOf.description
        let tenancies = try transaction.tenancies(preFilingID: row.id)
        let inForce: (TenancyRow) -> Bool = { $0.endedOn == nil && $0.termEnd >= day && $0.registeredOn <= day }
        let units = try transaction.units(preFilingID: row.id).map { unit in
          PreFilingDetail.UnitView(
            id: unit.unitID, floor: unit.floor, room: unit.room, area: unit.area, plannedUse: unit.plannedUse,
            capacity: unit.capacity, occupied: tenancies.filter { $0.unitID == unit.unitID && inForce($0) }.count,
            addedIn: unit.addedIn, retiredIn: unit.retiredIn)
        }
        let proofs = try transaction.proofs(preFilingID: row.id).map { proof in
          PreFilingDetail.ProofView(
            id: proof.proofID, type: proof.type, number: proof.number,
            covers: proof.covers.split(separator: ",").map(String.init), addedIn: proof.addedIn,
            replacedIn: proof.replacedIn)
        }
        let versions = try transaction.versions(preFilingID: row.id).map {
          PreFilingDetail.VersionView(version: $0.version, kind: $0.kind, receipt: $0.receipt, at: $0.at)
        }
        var history = try transaction.auditEvents(subject: row.submittedReceipt)
        if let number = row.number { history += try transaction.auditEvents(subject: number) }
        history.sort { $0.sequence < $1.sequence }
        return PreFilingDetail(
          summary: try Self.summary(row, asOf: asOf, in: transaction), reason: row.reason, decidedBy: row.decidedBy,
          units: units, proofs: proofs, versions: versions,
          tenancies: tenancies.map { tenancy in
            PreFilingDetail.TenancyView(
              unit: tenancy.unitID, tenant: tenancy.tenantName, activity: tenancy.activity,
              termStart: tenancy.termStart, termEnd: tenancy.termEnd, registeredOn: tenancy.registeredOn,
              receipt: tenancy.receiptNumber, inForce: inForce(tenancy))
          },
          reviewFindings: try self.reviewFindings(receipt: row.submittedReceipt, in: transaction),
          history: history.map(AuditEntry.init))
      }
  }

  static func summary(_ row: PreFilingRow, asOf: CivilDate, in transaction: RegistryTransaction) throws
    -> PreFilingSummary
  {
    let record = try RegistryFactsBuilder.record(row, asOf: asOf, countingUnits: [], in: transaction)
    let inScope = try transaction.units(preFilingID: row.id).filter { $0.retiredIn == nil }
    var occupied = 0
    for unit in inScope {
      occupied += try transaction.activeTenancyCount(preFilingID: row.id, unitID: unit.unitID, on: asOf.description)
    }
    return PreFilingSummary(
      number: row.number, submittedReceipt: row.submittedReceipt, status: record.effectiveStatus(on: asOf),
      ownerName: row.ownerName, ownerIdentity: row.ownerIdentity, premisesName: row.premisesName,
      address: row.address, validFrom: record.validFrom, validUntil: record.validUntil, version: row.version,
      units: inScope.count, places: inScope.reduce(0) { $0 + $1.capacity }, occupied: occupied)
  }
}
