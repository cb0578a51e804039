import Foundation
public import OneWindowCore
import OneWindowStore
public import OneWindowValidation

extension Registry {
  /// The published figures (``RegistryStatistics``) from this registry, with `asOf` the
  /// reference date for overdue bundles. Reads only.
  public func statistics(asOf: CivilDate) async throws(OneWindowError) -> RegistryStatistics {
    let policy = oneWindow.policy
    let calendar = oneWindow.calendar
    return try await read { transaction in
      var tally = Statistics.Tally()
      let decoder = JSONDecoder()
      for body in try transaction.receiptBodies(operation: "register") {
        guard let receipt = try? decoder.decode(Receipt.self, from: Data(body.utf8)), receipt.outcome != .couldNotRun else {
          continue
        }
        var figures = RegistrationFigures()
        if receipt.outcome == .accepted {
          figures.accepted = 1
          if let saved = receipt.materialsSaved {
            figures.materialsSaved.count = saved.count
            figures.materialsSaved.fullSet = saved.fullSet
          }
        } else {
          figures.refused = 1
        }
        figures.onTime = 1
        figures.settle()
        let date = receipt.businessDate ?? CivilDate(String(receipt.issuedAt.prefix(10))) ?? asOf
        tally.add(registration: figures, centre: receipt.serviceCentre, month: Self.month(date))
      }
      // The restaurant's figures, against the policy's limits; each other definition's bundles
      // apart, against the limit its case was accepted with.
      var others: [String: BundleFigures] = [:]
      for row in try transaction.bundles() {
        let summary = try self.summary(row, in: transaction)
        if let recorded = try transaction.bundleDefinition(bundleID: row.id) {
          let basis = TradeBasis(of: row)
          let limit = basis?.workingDays
            ?? oneWindow.bundleDefinitions.definition(recorded.definition)?.timeLimits.workingDays(for: summary.kind) ?? 0
          others[recorded.definition, default: BundleFigures()].add(Self.figures(of: summary, limit: limit, asOf: asOf, calendar: calendar))
          continue
        }
        let limit = policy.dueWorkingDays(for: summary.kind)
        let figures = Self.figures(of: summary, limit: limit, asOf: asOf, calendar: calendar)
        let accepting = try transaction.receipt(row.receiptNumber).flatMap {
          try? decoder.decode(Receipt.self, from: Data($0.body.utf8))
        }
        tally.add(
          bundle: figures, kind: (summary.kind, limit), centre: accepting?.serviceCentre,
          month: Self.month(summary.acceptedOn))
      }
      var statistics = tally.statistics(asOf: asOf, subdistricts: policy.subdistricts)
      statistics.definitions = others.keys.sorted().map { id in
        DefinitionFigures(
          definition: id, name: oneWindow.bundleDefinitions.definition(id)?.name ?? LocalizedText(zh: id, en: id), bundles: others[id]!)
      }
      return statistics
    }
  }

  /// One bundle's figures against `limit` working days.
  static func figures(of summary: BundleSummary, limit: Int, asOf: CivilDate, calendar: WorkingCalendar) -> BundleFigures {
    var figures = BundleFigures()
    figures.accepted = 1
    var concluded: (count: Int, provisional: Bool)?
    switch summary.status {
    case .issued:
      figures.issued = 1
      if let taken = summary.workingDaysTaken {
        concluded = (taken, summary.workingDaysProvisional == true)
      } else if let issued = summary.issuedOn {
        concluded = calendar.provisionalWorkingDays(after: summary.clockStart, through: issued)
      }
    case .rejected:
      figures.rejected = 1
      let decided = summary.tracks.compactMap(\.decidedOn).max() ?? summary.clockStart
      concluded = calendar.provisionalWorkingDays(after: summary.clockStart, through: max(decided, summary.clockStart))
    case .objected:
      // A department's objection ended a simplified cancellation before its count began:
      // not granted, decided with no working days taken (so within the limit).
      figures.rejected = 1
      concluded = (0, false)
    case .underReview, .approved, .correctionRequested:
      figures.open = 1
      if isRunning(summary), let due = summary.dueOn, due < asOf { figures.overdue = 1 }
    }
    if let concluded {
      figures.workingDaysTaken = concluded.count
      figures.workingDaysAllowed = limit
      figures.onTime = concluded.count <= limit ? 1 : 0
      figures.provisional = concluded.provisional ? 1 : 0
    }
    figures.settle()
    return figures
  }

  /// `YYYY-MM`.
  static func month(_ date: CivilDate) -> String { String(date.description.prefix(7)) }
}
