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
          .map { try self.summary($0, in: transaction) }
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
        let recorded = try transaction.bundleDefinition(bundleID: row.id)
        let definition = recorded.flatMap { oneWindow.bundleDefinitions.definition($0.definition) }
        return BundleDetail(
          summary: try self.summary(row, in: transaction), preFilingNumber: row.preFilingNumber, unit: row.unitID,
          changedFields: row.changedFields.split(separator: ",").compactMap { ChangeField(rawValue: String($0)) },
          inspectionRequired: row.inspectionNeeded, versions: versions, certificates: certificates,
          reviewFindings: try self.reviewFindings(receipt: versions.last?.receipt, in: transaction).map {
            ReviewFinding(
              track: Track.reviewing($0, definition: definition, tracks: try transaction.tracks(bundleID: row.id).compactMap { Track(rawValue: $0.track) }),
              finding: $0)
          },
          objectionPeriod: try transaction.cancellationPeriod(bundleID: row.id).flatMap(ObjectionPeriod.init),
          permits: recorded == nil ? nil : try Self.permits(of: row, in: transaction),
          history: try transaction.auditEvents(subject: row.number).map(AuditEntry.init))
      }
  }

  /// Bundles past their due date on `asOf` (under review or approved, clock running), with the
  /// working days they are late; a count that needs a holiday schedule not yet published is
  /// marked provisional, never refused.
  public func overdueBundles(asOf: CivilDate) async throws(OneWindowError) -> [OverdueBundle] {
    let late = try await bundles().filter { Self.isRunning($0) && ($0.dueOn.map { $0 < asOf } ?? false) }
    return late.compactMap { summary in
      guard let due = summary.dueOn else { return nil }
      let counted = oneWindow.calendar.provisionalWorkingDays(after: due, through: asOf)
      let provisional = counted.provisional || summary.dueProvisional == true
      return OverdueBundle(summary: summary, workingDaysLate: counted.count, provisional: provisional ? true : nil)
    }
  }

  /// Running bundles whose due date is still provisional (it needs a holiday schedule not yet
  /// published), oldest first: `bundle overdue` lists them too, so none is forgotten.
  public func provisionalDueBundles() async throws(OneWindowError) -> [BundleSummary] {
    try await bundles().filter { Self.isRunning($0) && $0.dueProvisional == true }
  }

  static func isRunning(_ summary: BundleSummary) -> Bool {
    summary.status == .underReview || summary.status == .approved
  }

  /// Provisional dates, completed from the calendar as it is now (a schedule added since the
  /// write); the stored row is completed by the next write (``completeProvisionalDates``).
  func settled(_ row: BundleRow, in transaction: RegistryTransaction) throws -> BundleRow {
    var row = row
    guard let start = CivilDate(row.clockStart) else { return row }
    if row.dueProvisional, !row.dueOn.isEmpty {
      let kind = BundleKind(rawValue: row.kind) ?? .opening
      var limit = oneWindow.policy.dueWorkingDays(for: kind)
      if let recorded = try transaction.bundleDefinition(bundleID: row.id) {
        // The limit the definition set when the case was accepted; without it, never the restaurant's.
        let basis = TradeBasis(of: row)
        guard let days = basis?.workingDays ?? oneWindow.bundleDefinitions.definition(recorded.definition)?.timeLimits.workingDays(for: kind)
        else { return row }
        limit = days
      }
      let due = dueDate(workingDays: limit, from: start)
      (row.dueOn, row.dueProvisional) = (due.date.description, due.provisional)
    }
    if row.workingDaysProvisional, let issued = row.issuedOn.flatMap({ CivilDate($0) }) {
      let counted = oneWindow.calendar.provisionalWorkingDays(after: start, through: issued)
      (row.workingDaysTaken, row.workingDaysProvisional) = (counted.count, counted.provisional)
    }
    return row
  }

  /// Completes, inside a write, the provisional dates the calendar now settles, and logs each.
  func completeProvisionalDates(in transaction: RegistryTransaction, operation: inout Operation) throws {
    for row in try transaction.provisionalBundles() {
      let completed = try settled(row, in: transaction)
      guard completed != row else { continue }
      try transaction.updateBundle(completed)
      var changes: [String] = []
      if row.dueProvisional && !completed.dueProvisional { changes.append("due=\(completed.dueOn)") }
      if row.workingDaysProvisional && !completed.workingDaysProvisional {
        changes.append("working-days=\(completed.workingDaysTaken.map(String.init) ?? "-")")
      }
      guard !changes.isEmpty else { continue }
      operation.log("bundle.dates-completed", row.number, changes.joined(separator: "; "))
    }
  }

  func summary(_ row: BundleRow, in transaction: RegistryTransaction) throws -> BundleSummary {
    var summary = try Self.summary(settled(row, in: transaction), in: transaction)
    if let recorded = try transaction.bundleDefinition(bundleID: row.id) {
      summary.definition = recorded.definition
      let definition = oneWindow.bundleDefinitions.definition(recorded.definition)
      let basis = TradeBasis(of: row)
      for index in summary.tracks.indices {
        let track = summary.tracks[index].track
        summary.tracks[index].name = definition?.track(track)?.name
        summary.tracks[index].inspectorsNeeded = basis?.inspectors?[track.rawValue]
      }
    }
    return summary
  }

  /// The certificates a bundle of a definition issued, changed or ended.
  static func permits(of row: BundleRow, in transaction: RegistryTransaction) throws -> [PermitView] {
    try transaction.permits(bundleNumber: row.number).map { permit in
      PermitView(
        number: permit.number, track: Track(rawValue: permit.track) ?? .business, holderName: permit.holderName,
        subject: permit.subject, place: permit.place, validFrom: CivilDate(permit.validFrom) ?? CivilDate(dayNumber: 0),
        validUntil: permit.validUntil.flatMap { CivilDate($0) }, active: permit.active, endedOn: permit.endedOn.flatMap { CivilDate($0) })
    }
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
      operatorName: row.operatorName, operatorIdentity: row.operatorIdentity, uscc: row.uscc, foodLicenceNumber: row.foodLicence, acceptedOn: accepted,
      clockStart: CivilDate(row.clockStart) ?? accepted, dueOn: CivilDate(row.dueOn),
      dueProvisional: row.dueProvisional ? true : nil, issuedOn: row.issuedOn.flatMap { CivilDate($0) },
      workingDaysTaken: row.workingDaysTaken, workingDaysProvisional: row.workingDaysProvisional ? true : nil,
      tracks: tracks)
  }
}
