public import OneWindowCore

/// The figures Shinan publishes about its reforms (BRIEF §9: tenants' materials −90 %, approval
/// time −50 %, the restaurant bundle's time −60 %, any centre accepts), computed from what the
/// registry holds: in all, per bundle kind, per accepting service centre and per month.
///
/// Definitions (Documentation/CommandReference.md, "The published figures"):
/// - a **registration** counts when its `register` receipt was issued (accepted or refused); it is
///   decided on the spot, so it takes 0 working days against a limit of 0 and is always on time;
///   **materials saved** add up the accepted registrations' receipts (PRODUCT.md: the full 住所
///   proof set for the unit minus what the tenant submitted), the percent being saved over full;
/// - a **bundle** counts from its acceptance (受理); it is **decided** when issued (for a
///   cancellation: the licences ended) or rejected; its **working days taken** run from the start
///   of its current count (acceptance, or the corrected resubmission that restarted the clock)
///   to its issuance, or to the last track decision of a rejection, counted as ``WorkingCalendar``
///   counts them; its **limit** is the policy's working days for its kind; it is **on time** when
///   it took no more than the limit; an undecided bundle whose clock runs past its due date on
///   the reference date is **overdue**;
/// - a record counts under the **centre** its accepting receipt names (``Receipt/serviceCentre``),
///   or under "unknown" (nil) when none is known, and under the **month** of its acceptance
///   (the receipt's business date).
public struct RegistryStatistics: Sendable, Hashable, Codable {
  /// The reference date for overdue bundles.
  public var asOf: CivilDate
  public var registrations: RegistrationFigures
  public var bundles: BundleFigures
  /// Per bundle kind, with its limit, in code-list order (kinds with no bundle left out).
  public var bundleKinds: [BundleKindFigures]
  /// Per accepting service centre, by code, "unknown" (nil) last.
  public var centres: [CentreFigures]
  /// Per month of acceptance, oldest first.
  public var months: [MonthFigures]
  /// The bundles of each other definition (bookshop, hotel…), by id, against their own limits;
  /// the figures above are the restaurant's.
  public var definitions: [DefinitionFigures] = []

  public init(
    asOf: CivilDate, registrations: RegistrationFigures = RegistrationFigures(), bundles: BundleFigures = BundleFigures(),
    bundleKinds: [BundleKindFigures] = [], centres: [CentreFigures] = [], months: [MonthFigures] = []
  ) {
    self.asOf = asOf
    self.registrations = registrations
    self.bundles = bundles
    self.bundleKinds = bundleKinds
    self.centres = centres
    self.months = months
  }
}

/// Tenant registrations (入驻登记).
public struct RegistrationFigures: Sendable, Hashable, Codable {
  /// Registrations accepted.
  public var accepted = 0
  /// Registrations refused (their receipts rejected them).
  public var refused = 0
  /// Over the accepted ones: materials not submitted thanks to the pre-filing, the full sets
  /// they stand against, and the percent saved (one decimal; 0 when there is none).
  public var materialsSaved = Receipt.MaterialsSaved(count: 0, percent: 0, fullSet: 0)
  /// The time limit: a registration is decided on the spot (0 working days).
  public var limitWorkingDays = 0
  /// Registrations decided within the limit: all of them, the receipt being the decision.
  public var onTime = 0
  /// On time over decided (accepted and refused), percent; nil when none.
  public var onTimePercent: Double?

  public init() {}

  /// Adds another tally's counts and recomputes the shares.
  public mutating func add(_ other: RegistrationFigures) {
    accepted += other.accepted
    refused += other.refused
    materialsSaved.count += other.materialsSaved.count
    materialsSaved.fullSet += other.materialsSaved.fullSet
    onTime += other.onTime
    settle()
  }

  mutating func settle() {
    materialsSaved.percent = Statistics.percent(materialsSaved.count, of: materialsSaved.fullSet) ?? 0
    onTimePercent = Statistics.percent(onTime, of: accepted + refused)
  }
}

/// Restaurant "one thing" bundles (一件事).
public struct BundleFigures: Sendable, Hashable, Codable {
  /// Bundles accepted (受理).
  public var accepted = 0
  /// Issued (a cancellation: its licences ended).
  public var issued = 0
  /// Rejected as a whole.
  public var rejected = 0
  /// Decided: issued or rejected.
  public var decided = 0
  /// Not yet decided: under review, approved awaiting issuance, or waiting for a correction.
  public var open = 0
  /// Open, with the clock running and the due date before the reference date.
  public var overdue = 0
  /// Decided (issued or rejected) within their kind's limit.
  public var onTime = 0
  /// On time over decided, percent; nil when none is decided.
  public var onTimePercent: Double?
  /// Working days the decided bundles took, added up.
  public var workingDaysTaken = 0
  /// Their limits, added up.
  public var workingDaysAllowed = 0
  /// Working days taken per decided bundle (one decimal); nil when none.
  public var averageWorkingDays: Double?
  /// Working days taken over working days allowed, percent; nil when none.
  public var timeUsedPercent: Double?
  /// Decided bundles whose count needs a holiday schedule not yet published (counted Monday to
  /// Friday meanwhile).
  public var provisional = 0

  public init() {}

  /// Adds another tally's counts and recomputes the shares.
  public mutating func add(_ other: BundleFigures) {
    accepted += other.accepted
    issued += other.issued
    rejected += other.rejected
    open += other.open
    overdue += other.overdue
    onTime += other.onTime
    workingDaysTaken += other.workingDaysTaken
    workingDaysAllowed += other.workingDaysAllowed
    provisional += other.provisional
    settle()
  }

  mutating func settle() {
    decided = issued + rejected
    onTimePercent = Statistics.percent(onTime, of: decided)
    averageWorkingDays = decided == 0 ? nil : Statistics.oneDecimal(Double(workingDaysTaken) / Double(decided))
    timeUsedPercent = Statistics.percent(workingDaysTaken, of: workingDaysAllowed)
  }
}

/// The bundles of one definition other than the restaurant's.
public struct DefinitionFigures: Sendable, Hashable, Codable {
  public var definition: String
  public var name: LocalizedText
  public var bundles: BundleFigures

  public init(definition: String, name: LocalizedText, bundles: BundleFigures) {
    self.definition = definition
    self.name = name
    self.bundles = bundles
  }
}

/// One bundle kind's figures and limit.
public struct BundleKindFigures: Sendable, Hashable, Codable {
  public var kind: BundleKind
  /// The policy's working days for the kind (`Data/policy.json`, `dueWorkingDays`).
  public var limitWorkingDays: Int
  public var bundles: BundleFigures
}

/// One accepting service centre's figures.
public struct CentreFigures: Sendable, Hashable, Codable {
  /// The centre's code as recorded; nil: unknown (online self-service, or a write naming none).
  public var centre: String?
  /// The 街道's name when the code is one of the district's (`Data/policy.json`, `subdistricts`).
  public var name: String?
  public var registrations: RegistrationFigures
  public var bundles: BundleFigures
}

/// One month's figures (by the month of acceptance).
public struct MonthFigures: Sendable, Hashable, Codable {
  /// `YYYY-MM`.
  public var month: String
  public var registrations: RegistrationFigures
  public var bundles: BundleFigures
}

extension RegistryStatistics {
  /// Several registries' figures as one (a replay's scenarios, each in its own registry): the
  /// counts added, the shares recomputed, the latest reference date.
  public static func merged(_ all: [RegistryStatistics], asOf: CivilDate? = nil, subdistricts: [String: String] = [:])
    -> RegistryStatistics
  {
    var tally = Statistics.Tally()
    var others: [String: DefinitionFigures] = [:]
    for statistics in all {
      for other in statistics.definitions {
        others[other.definition, default: DefinitionFigures(definition: other.definition, name: other.name, bundles: BundleFigures())]
          .bundles.add(other.bundles)
      }
      tally.registrations.add(statistics.registrations)
      tally.bundles.add(statistics.bundles)
      for kind in statistics.bundleKinds {
        tally.kinds[kind.kind, default: (kind.limitWorkingDays, BundleFigures())].figures.add(kind.bundles)
      }
      for centre in statistics.centres {
        tally.centres[Statistics.CentreKey(centre.centre), default: (RegistrationFigures(), BundleFigures())].0.add(centre.registrations)
        tally.centres[Statistics.CentreKey(centre.centre), default: (RegistrationFigures(), BundleFigures())].1.add(centre.bundles)
      }
      for month in statistics.months {
        tally.months[month.month, default: (RegistrationFigures(), BundleFigures())].0.add(month.registrations)
        tally.months[month.month, default: (RegistrationFigures(), BundleFigures())].1.add(month.bundles)
      }
    }
    let date = asOf ?? all.map(\.asOf).max() ?? CivilDate(dayNumber: 0)
    var merged = tally.statistics(asOf: date, subdistricts: subdistricts)
    merged.definitions = others.keys.sorted().compactMap { others[$0] }
    return merged
  }
}

/// Helpers shared by the figures.
enum Statistics {
  /// `part` over `whole` as a percent with one decimal; nil when `whole` is 0.
  static func percent(_ part: Int, of whole: Int) -> Double? {
    whole == 0 ? nil : oneDecimal(Double(part) * 100 / Double(whole))
  }

  static func oneDecimal(_ value: Double) -> Double { (value * 10).rounded() / 10 }

  /// A centre code as a dictionary key, "unknown" sorting last.
  struct CentreKey: Hashable, Comparable {
    var code: String?
    init(_ code: String?) { self.code = code }

    static func < (lhs: CentreKey, rhs: CentreKey) -> Bool {
      switch (lhs.code, rhs.code) {
      case (let left?, let right?): left < right
      case (_?, nil): true
      default: false
      }
    }
  }

  /// Figures being added up.
  struct Tally {
    var registrations = RegistrationFigures()
    var bundles = BundleFigures()
    var kinds: [BundleKind: (limit: Int, figures: BundleFigures)] = [:]
    var centres: [CentreKey: (RegistrationFigures, BundleFigures)] = [:]
    var months: [String: (RegistrationFigures, BundleFigures)] = [:]

    /// Adds one record's registration or bundle figures to the total, its centre and month.
    mutating func add(
      registration: RegistrationFigures? = nil, bundle: BundleFigures? = nil, kind: (BundleKind, Int)? = nil,
      centre: String?, month: String
    ) {
      let key = CentreKey(centre)
      if let registration {
        registrations.add(registration)
        centres[key, default: (RegistrationFigures(), BundleFigures())].0.add(registration)
        months[month, default: (RegistrationFigures(), BundleFigures())].0.add(registration)
      }
      if let bundle {
        bundles.add(bundle)
        centres[key, default: (RegistrationFigures(), BundleFigures())].1.add(bundle)
        months[month, default: (RegistrationFigures(), BundleFigures())].1.add(bundle)
        if let (kind, limit) = kind { kinds[kind, default: (limit, BundleFigures())].figures.add(bundle) }
      }
    }

    func statistics(asOf: CivilDate, subdistricts: [String: String]) -> RegistryStatistics {
      RegistryStatistics(
        asOf: asOf, registrations: registrations, bundles: bundles,
        bundleKinds: BundleKind.allCases.compactMap { kind in
          kinds[kind].map { BundleKindFigures(kind: kind, limitWorkingDays: $0.limit, bundles: $0.figures) }
        },
        centres: centres.keys.sorted().map { key in
          let (registrations, bundles) = centres[key] ?? (RegistrationFigures(), BundleFigures())
          return CentreFigures(
            centre: key.code, name: key.code.flatMap { subdistricts[$0] }, registrations: registrations, bundles: bundles)
        },
        months: months.keys.sorted().map { month in
          let (registrations, bundles) = months[month] ?? (RegistrationFigures(), BundleFigures())
          return MonthFigures(month: month, registrations: registrations, bundles: bundles)
        })
    }
  }
}
