/// A "one thing" bundle as data (`Data/bundles/<id>.xml`, schema `Schemas/bundledef/`): the
/// matter, its tracks (one licence or permit each), the shared core, declared checks, time limits,
/// change effects and the published figures. Loaded and checked by
/// `OneWindow.bundleDefinitions`; a definition that does not pass its checks is refused at load
/// and the others keep working.
public struct BundleDefinition: Sendable, Hashable, Codable {
  /// Lower-case id packets name in `Definition` (`bookshop`).
  public var id: String
  public var version: Int
  public var name: LocalizedText
  /// A trade opening (with a business licence, usually) or another matter.
  public var matter: MatterKind
  /// The generic `TradeBundle` family, or the dedicated families of a mapped definition.
  public var packets: Packets
  public var sources: [String]
  /// The elements entered once and shared by every track.
  public var core: [CoreElement]
  public var tracks: [TrackDefinition]
  public var checks: [DeclaredCheck]
  public var timeLimits: TimeLimits
  public var changeEffects: [ChangeEffect]
  public var figures: Figures
  /// The file it was read from.
  public var file: String

  public init(
    id: String, version: Int, name: LocalizedText, matter: MatterKind, packets: Packets, sources: [String], core: [CoreElement], tracks: [TrackDefinition], checks: [DeclaredCheck], timeLimits: TimeLimits, changeEffects: [ChangeEffect], figures: Figures, file: String
  ) {
    self.id = id
    self.version = version
    self.name = name
    self.matter = matter
    self.packets = packets
    self.sources = sources
    self.core = core
    self.tracks = tracks
    self.checks = checks
    self.timeLimits = timeLimits
    self.changeEffects = changeEffects
    self.figures = figures
    self.file = file
  }

  public enum MatterKind: String, Sendable, Hashable, Codable {
    case trade = "TRADE"
    case matter = "MATTER"
  }

  public enum Packets: Sendable, Hashable, Codable {
    case generic
    /// Root elements of the dedicated opening, change and cancellation families.
    case mapped(opening: String, change: String, cancellation: String)

    private enum CodingKeys: String, CodingKey { case families }

    /// `{"families": ["TradeBundle"]}`, or the dedicated families' roots.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(families, forKey: .families)
    }

    public init(from decoder: any Decoder) throws {
      let families = try decoder.container(keyedBy: CodingKeys.self).decode([String].self, forKey: .families)
      self = families.count == 3 ? .mapped(opening: families[0], change: families[1], cancellation: families[2]) : .generic
    }

    /// The root elements its applications use.
    public var families: [String] {
      switch self {
      case .generic: ["TradeBundle"]
      case .mapped(let opening, let change, let cancellation): [opening, change, cancellation]
      }
    }
  }

  public struct CoreElement: Sendable, Hashable, Codable {
    public init(path: String, name: LocalizedText, mandatory: Bool) {
      self.path = path
      self.name = name
      self.mandatory = mandatory
    }

    public var path: String
    public var name: LocalizedText
    /// False for an element the applicant may leave out.
    public var mandatory: Bool
  }

  /// One licence or permit, reviewed by its department.
  public struct TrackDefinition: Sendable, Hashable, Codable {
    public init(id: OneWindowCore.Track, name: LocalizedText, department: LocalizedText, schema: String?, schemaIsBuiltin: Bool, schemaPath: String?, namespace: String?, materials: [Material], requiredElements: [String], decidedBy: String?, inspectors: Int?, number: Numbering, validity: Validity, after: [OneWindowCore.Track], rules: [RuleID]) {
      self.id = id
      self.name = name
      self.department = department
      self.schema = schema
      self.schemaIsBuiltin = schemaIsBuiltin
      self.schemaPath = schemaPath
      self.namespace = namespace
      self.materials = materials
      self.requiredElements = requiredElements
      self.decidedBy = decidedBy
      self.inspectors = inspectors
      self.number = number
      self.validity = validity
      self.after = after
      self.rules = rules
    }

    public var id: OneWindowCore.Track
    public var name: LocalizedText
    public var department: LocalizedText
    /// The track part's schema: a path relative to the definition's file, or (builtin) to `Schemas/`.
    public var schema: String?
    public var schemaIsBuiltin: Bool
    /// The resolved absolute path of `schema`.
    public var schemaPath: String?
    /// The schema's target namespace, read when the definition is loaded.
    public var namespace: String?
    public var materials: [Material]
    public var requiredElements: [String]
    /// The role that decides the track; nil is no decision path (the definition is refused).
    public var decidedBy: String?
    /// Inspectors an opening's approval needs on site; nil when there is no inspection.
    public var inspectors: Int?
    public var number: Numbering
    public var validity: Validity
    /// Tracks whose numbers this one's certificate needs first.
    public var after: [OneWindowCore.Track]
    /// Swift rules (shipped with a release) that apply to the track.
    public var rules: [RuleID]
  }

  public struct Material: Sendable, Hashable, Codable {
    public init(code: String, name: LocalizedText, shared: Bool) {
      self.code = code
      self.name = name
      self.shared = shared
    }

    public var code: String
    public var name: LocalizedText
    /// A material one copy of serves every track that lists it.
    public var shared: Bool
  }

  /// How a track's certificates are numbered.
  public struct Numbering: Sendable, Hashable, Codable {
    public init(allocator: Allocator, prefix: String?, digits: Int) {
      self.allocator = allocator
      self.prefix = prefix
      self.digits = digits
    }

    public enum Allocator: String, Sendable, Hashable, Codable, CaseIterable {
      /// 统一社会信用代码, the business licence's (shared by every definition).
      case uscc = "USCC"
      /// The food business licence's JY number (shared).
      case foodJY = "FOOD_JY"
      /// `prefix` + year + a `digits`-digit yearly sequence of this prefix.
      case sequence = "SEQUENCE"
    }
    public var allocator: Allocator
    public var prefix: String?
    public var digits: Int

    /// The prefix the shared allocators' numbers start with, for the collision check.
    public var effectivePrefix: String {
      switch allocator {
      case .uscc: "92"
      case .foodJY: "JY"
      case .sequence: prefix ?? ""
      }
    }
  }

  public enum Validity: Sendable, Hashable, Codable {
    case indefinite
    /// `years` years less a day.
    case years(Int)

    private enum CodingKeys: String, CodingKey { case indefinite, years }

    /// `{"indefinite": true}` or `{"indefinite": false, "years": 5}`.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .indefinite: try container.encode(true, forKey: .indefinite)
      case .years(let years):
        try container.encode(false, forKey: .indefinite)
        try container.encode(years, forKey: .years)
      }
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      self = try container.decodeIfPresent(Int.self, forKey: .years).map(Validity.years) ?? .indefinite
    }

    public func validUntil(from start: CivilDate) -> CivilDate? {
      switch self {
      case .indefinite: nil
      case .years(let years): start.adding(years: years).adding(days: -1)
      }
    }
  }

  public struct TimeLimits: Sendable, Hashable, Codable {
    public init(opening: Int, change: Int, cancellation: Int) {
      self.opening = opening
      self.change = change
      self.cancellation = cancellation
    }

    public var opening: Int
    public var change: Int
    public var cancellation: Int

    public func workingDays(for kind: BundleKind) -> Int {
      switch kind {
      case .opening: opening
      case .change: change
      case .cancellation: cancellation
      }
    }
  }

  /// A changed field and the tracks it affects.
  public struct ChangeEffect: Sendable, Hashable, Codable {
    public init(code: String, name: LocalizedText, path: String?, tracks: [OneWindowCore.Track]) {
      self.code = code
      self.name = name
      self.path = path
      self.tracks = tracks
    }

    public var code: String
    public var name: LocalizedText
    /// The core path that holds the new value, when there is one.
    public var path: String?
    public var tracks: [OneWindowCore.Track]
  }

  public struct Figures: Sendable, Hashable, Codable {
    public init(before: Figure, after: Figure, note: String?) {
      self.before = before
      self.after = after
      self.note = note
    }

    public var before: Figure
    public var after: Figure
    public var note: String?
  }

  public struct Figure: Sendable, Hashable, Codable {
    public init(items: Int, departments: Int, forms: Int, materials: Int, visits: Int) {
      self.items = items
      self.departments = departments
      self.forms = forms
      self.materials = materials
      self.visits = visits
    }

    public var items: Int
    public var departments: Int
    public var forms: Int
    public var materials: Int
    public var visits: Int
  }

  public func track(_ id: OneWindowCore.Track) -> TrackDefinition? { tracks.first { $0.id == id } }

  /// The distinct issuing departments, in track order.
  public var departments: [LocalizedText] {
    var seen: Set<String> = []
    return tracks.map(\.department).filter { seen.insert($0.zh).inserted }
  }

  /// Tracks a change of `fields` affects, in definition order; unknown fields affect none.
  public func tracksAffected(by fields: [String]) -> [OneWindowCore.Track] {
    let affected = Set(changeEffects.filter { fields.contains($0.code) }.flatMap(\.tracks))
    return tracks.map(\.id).filter(affected.contains)
  }

  /// The tracks in an order where every track comes after those it names in `after` (definition
  /// order among equals); nil when `after` has a cycle.
  public var issuanceOrder: [OneWindowCore.Track]? {
    var order: [OneWindowCore.Track] = []
    var placed: Set<OneWindowCore.Track> = []
    var remaining = tracks
    while !remaining.isEmpty {
      guard let next = remaining.firstIndex(where: { $0.after.allSatisfy { placed.contains($0) || self.track($0) == nil } }) else {
        return nil
      }
      let ready = remaining.remove(at: next)
      order.append(ready.id)
      placed.insert(ready.id)
    }
    return order
  }
}

/// A check a definition declares as data: its id, wording and basis, listed in the rule catalogue.
public struct DeclaredCheck: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A value of the track's part equals one of the core or of another part.
    case equal = "EQUAL"
    /// An element of the track's part is given and not blank.
    case present = "PRESENT"
    /// A number of the track's part reaches a floor.
    case atLeast = "AT_LEAST"
    /// A material with this code is in the packet's materials.
    case material = "MATERIAL"
  }

  public enum Operand: Sendable, Hashable, Codable {
    case core(String)
    case track(OneWindowCore.Track, String)

    private enum CodingKeys: String, CodingKey { case track, path }

    /// `{"path": "Applicant/Name"}` for the core, `{"track": "BUSINESS", "path": …}` for a part.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .core(let path): try container.encode(path, forKey: .path)
      case .track(let track, let path):
        try container.encode(track, forKey: .track)
        try container.encode(path, forKey: .path)
      }
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let path = try container.decode(String.self, forKey: .path)
      self = try container.decodeIfPresent(OneWindowCore.Track.self, forKey: .track).map { .track($0, path) } ?? .core(path)
    }
  }

  public var id: RuleID
  public var kind: Kind
  public var stage: RuleStage
  public var severity: Severity
  /// The track whose part is checked and whose reviewer judges the finding.
  public var track: OneWindowCore.Track
  public var path: String?
  public var equals: Operand?
  public var minimum: Double?
  public var material: String?
  public var message: LocalizedText
  public var hint: LocalizedText
  public var basis: LocalizedText

  public init(
    id: RuleID, kind: Kind, stage: RuleStage, severity: Severity, track: OneWindowCore.Track, path: String?, equals: Operand?, minimum: Double?, material: String?, message: LocalizedText, hint: LocalizedText, basis: LocalizedText
  ) {
    self.id = id
    self.kind = kind
    self.stage = stage
    self.severity = severity
    self.track = track
    self.path = path
    self.equals = equals
    self.minimum = minimum
    self.material = material
    self.message = message
    self.hint = hint
    self.basis = basis
  }

  /// The check as the rule catalogue lists it.
  public func descriptor(definition: BundleDefinition) -> RuleDescriptor {
    RuleDescriptor(
      id: id, severity: severity, category: kind == .material ? .materials : .definition,
      summary: LocalizedText(zh: "【\(definition.name.zh)】\(message.zh)", en: "[\(definition.name.en)] \(message.en)"),
      message: message, hint: hint, legalBasis: basis, stage: stage)
  }
}
