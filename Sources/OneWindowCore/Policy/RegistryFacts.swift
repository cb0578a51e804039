/// The life-cycle state of a pre-filing in the registry.
public enum PreFilingStatus: String, Sendable, Hashable, CodedInJSON {
  /// Submitted and waiting for a clerk.
  case submitted
  /// A clerk asked for corrections (补正).
  case correctionRequested = "correction-requested"
  case rejected
  /// Approved and in force (within its validity window).
  case active
  case revoked
  case withdrawn
  case expired

  public var label: LocalizedText {
    switch self {
    case .submitted: LocalizedText(zh: "待审查", en: "submitted")
    case .correctionRequested: LocalizedText(zh: "待补正", en: "correction requested")
    case .rejected: LocalizedText(zh: "不予备案", en: "rejected")
    case .active: LocalizedText(zh: "已备案", en: "active")
    case .revoked: LocalizedText(zh: "已撤销", en: "revoked")
    case .withdrawn: LocalizedText(zh: "已撤回", en: "withdrawn")
    case .expired: LocalizedText(zh: "已失效", en: "expired")
    }
  }
}

/// A unit of a pre-filing as the registry holds it.
public struct RegisteredUnit: Sendable, Hashable, Codable {
  public var id: String
  public var plannedUse: PlannedUse
  public var capacity: Int
  public var area: Double
  public var features: Set<UnitFeature>
  public var retired: Bool
  /// Tenancies in force on the reference date.
  public var activeTenancies: Int
  /// A unanimous 住改商 consent is on file for the unit.
  public var hasResidentialConsent: Bool

  public init(
    id: String, plannedUse: PlannedUse, capacity: Int, area: Double = 0,
    features: Set<UnitFeature> = [], retired: Bool = false, activeTenancies: Int = 0,
    hasResidentialConsent: Bool = false
  ) {
    self.id = id
    self.plannedUse = plannedUse
    self.capacity = capacity
    self.area = area
    self.features = features
    self.retired = retired
    self.activeTenancies = activeTenancies
    self.hasResidentialConsent = hasResidentialConsent
  }
}

/// A pre-filing as the registry holds it, current version.
public struct PreFilingRecord: Sendable, Hashable, Codable {
  public var number: String
  public var status: PreFilingStatus
  public var validFrom: CivilDate?
  public var validUntil: CivilDate?
  public var ownerName: String
  /// The owner's USCC or ID number.
  public var ownerIdentity: String
  public var units: [String: RegisteredUnit]
  /// The proof ids of the current version.
  public var proofIDs: Set<String>
  public var multiLicenceMode: MultiLicenceMode?

  public init(
    number: String, status: PreFilingStatus, validFrom: CivilDate? = nil,
    validUntil: CivilDate? = nil, ownerName: String, ownerIdentity: String,
    units: [String: RegisteredUnit] = [:], proofIDs: Set<String> = [],
    multiLicenceMode: MultiLicenceMode? = nil
  ) {
    self.number = number
    self.status = status
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.ownerName = ownerName
    self.ownerIdentity = ownerIdentity
    self.units = units
    self.proofIDs = proofIDs
    self.multiLicenceMode = multiLicenceMode
  }

  /// Whether the pre-filing is in force on `date`.
  public func isInForce(on date: CivilDate) -> Bool {
    guard status == .active else { return false }
    if let validFrom, date < validFrom { return false }
    if let validUntil, date > validUntil { return false }
    return true
  }

  /// The status on `date`: an active pre-filing past the end of its validity has expired.
  public func effectiveStatus(on date: CivilDate) -> PreFilingStatus {
    if status == .active, let validUntil, date > validUntil { return .expired }
    return status
  }
}

/// The licences of an individual business as the registry holds them.
public struct LicenceRecord: Sendable, Hashable, Codable {
  public var uscc: String
  public var foodLicenceNumber: String
  public var active: Bool
  public var name: String
  public var operatorName: String
  public var operatorIdentity: String
  public var foodItems: [FoodItem]
  public var premisesSummary: String
  public var bundleNumber: String?

  public init(
    uscc: String, foodLicenceNumber: String, active: Bool, name: String, operatorName: String,
    operatorIdentity: String, foodItems: [FoodItem] = [], premisesSummary: String = "",
    bundleNumber: String? = nil
  ) {
    self.uscc = uscc
    self.foodLicenceNumber = foodLicenceNumber
    self.active = active
    self.name = name
    self.operatorName = operatorName
    self.operatorIdentity = operatorIdentity
    self.foodItems = foodItems
    self.premisesSummary = premisesSummary
    self.bundleNumber = bundleNumber
  }
}

/// Facts looked up in the registry before the rules run (rules never do I/O).
public struct RegistryFacts: Sendable, Hashable {
  /// Pre-filings the packet refers to, by number (absent number: not in the registry).
  public var preFilings: [String: PreFilingRecord]
  /// Licences the packet refers to, by USCC.
  public var licences: [String: LicenceRecord]
  /// Bundles the packet refers to (a track decision), by number.
  public var bundles: [String: BundleRecord]
  /// For a pre-filing or an amendment: the other live pre-filings (submitted, awaiting
  /// correction, or in force) that hold a proof of the same number and issuer, by proof number.
  public var proofHolders: [String: [String]] = [:]
  /// The same for units of the same standard address, floor and room, by ``Unit/placeKey``.
  public var unitHolders: [String: [String]] = [:]
  /// For an opening: the live opening bundles that share its operator, its premises, or its
  /// 字号 and 行业 (issued ones only while their licences are in force).
  public var relatedBundles: [RelatedBundle] = []

  public init(
    preFilings: [String: PreFilingRecord] = [:], licences: [String: LicenceRecord] = [:],
    bundles: [String: BundleRecord] = [:]
  ) {
    self.preFilings = preFilings
    self.licences = licences
    self.bundles = bundles
  }
}

/// An opening bundle the registry holds, as the one-shop checks compare it.
public struct RelatedBundle: Sendable, Hashable, Codable {
  public var number: String
  public var operatorIdentity: String
  public var businessName: String
  /// ``RestaurantPremises/key`` of its premises.
  public var premisesKey: String?
  public var tradeName: String?
  public var industry: String?
  public var status: String

  public init(
    number: String, operatorIdentity: String, businessName: String, premisesKey: String?, tradeName: String?,
    industry: String?, status: String
  ) {
    self.number = number
    self.operatorIdentity = operatorIdentity
    self.businessName = businessName
    self.premisesKey = premisesKey
    self.tradeName = tradeName
    self.industry = industry
    self.status = status
  }
}

/// A restaurant bundle as the registry holds it, for rules about decisions on it.
public struct BundleRecord: Sendable, Hashable, Codable {
  public var number: String
  public var kind: BundleKind
  /// The tracks the bundle needs (a change may need only one).
  public var tracks: Set<Track>
  /// Whether approving the food track needs an on-site inspection: an opening, or a change of
  /// premises, layout or dedicated spaces.
  public var inspectionRequired: Bool

  public init(number: String, kind: BundleKind, tracks: Set<Track>, inspectionRequired: Bool) {
    self.number = number
    self.kind = kind
    self.tracks = tracks
    self.inspectionRequired = inspectionRequired
  }
}
