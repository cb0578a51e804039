import Foundation
public import OneWindowCore
import OneWindowStore
public import OneWindowValidation

extension Registry {
  /// Bundles, oldest first.
  public func bundles(filter: BundleFilter = BundleFilter()) async throws(OneWindowError) -> [BundleSummary] {
    return try await read { transaction in
        try transaction.bundles()
          .filter { filter.kind == nil || $0.kind == filter.kind?.rawValue }
          .filter { filter.status == nil || $0.status == filter.status?.rawValue }
          .map { try Self.summary($0, in: transaction) }
      }
  }

  /// One bundle by its YJS number or the receipt of its submission.
  public func bundle(_ reference: String) async throws(OneWindowError) -> BundleDetail? {
    return try await read { transaction -> BundleDetail? in
        guard let row = try transaction.bundle(reference: reference) else { return nil }
        let versions = try transaction.bundlePackets(bundleID: row.id).map {
          BundleDetail.VersionView(version: $0.version, kind: $0.kind, receipt: $0.receipt, at: $0.at)
        }
        let certificates = try row.uscc.flatMap { try transaction.licenceRow(uscc: $0) }.flatMap {
          try? JSONDecoder().decode(LicenceCertificates.self, from: Data($0.details.utf8))
        }
        return BundleDetail(
          summary: try Self.summary(row, in: transaction), preFilingNumber: row.preFilingNumber, unit: row.unitID,
          changedFields: row.changedFields.split(separator: ",").compactMap { ChangeField(rawValue: String($0)) },
          inspectionRequired: row.inspectionNeeded, versions: versions, certificates: certificates,
          history: try transaction.auditEvents(subject: row.number).map(AuditEntry.init))
      }
  }

  /// Bundles past their due date on `asOf` (under review or approved, clock running), with the
  /// working days they are late. Throws when the calendar cannot count them.
  public func overdueBundles(asOf: CivilDate) async throws(OneWindowError) -> [OverdueBundle] {
    let running: Set<String> = [BundleStatus.underReview.rawValue, BundleStatus.approved.rawValue]
    let late = try await bundles().filter { running.contains($0.status.rawValue) && ($0.dueOn.map { $0 < asOf } ?? false) }
    var result: [OverdueBundle] = []
    for summary in late {
      guard let due = summary.dueOn else { continue }
      do {
        result.append(OverdueBundle(summary: summary, workingDaysLate: try oneWindow.calendar.workingDays(after: due, through: asOf)))
      } catch {
        throw .calendar(error)
      }
    }
    return result
  }

  static func summary(_ row: BundleRow, in transaction: RegistryTransaction) throws -> BundleSummary {
    let tracks = try transaction.tracks(bundleID: row.id).compactMap { track -> BundleSummary.TrackView? in
      guard let kind = Track(rawValue: track.track) else { return nil }
      let inspection = track.inspectedOn.flatMap { CivilDate($0) }.map {
        InspectionRecord(
          inspectedOn: $0, inspectors: track.inspectors.split(separator: ",").map(String.init),
          result: track.inspectionResult.flatMap(InspectionResult.init) ?? .pass)
      }
      return BundleSummary.TrackView(
        track: kind, status: TrackStatus(rawValue: track.status) ?? .pending, decidedBy: track.decidedBy,
        decidedOn: track.decidedOn.flatMap { CivilDate($0) },
        reasons: track.reasons.split(separator: "\n").map(String.init), inspection: inspection)
    }
    let accepted = CivilDate(row.acceptedOn) ?? CivilDate(dayNumber: 0)
    return BundleSummary(
      number: row.number, kind: BundleKind(rawValue: row.kind) ?? .opening,
      status: BundleStatus(rawValue: row.status) ?? .underReview, businessName: row.businessName,
      operatorName: row.operatorName, uscc: row.uscc, foodLicenceNumber: row.foodLicence, acceptedOn: accepted,
      clockStart: CivilDate(row.clockStart) ?? accepted, dueOn: CivilDate(row.dueOn),
      issuedOn: row.issuedOn.flatMap { CivilDate($0) }, workingDaysTaken: row.workingDaysTaken, tracks: tracks)
  }
}
