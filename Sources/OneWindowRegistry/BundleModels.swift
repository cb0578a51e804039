public import OneWindowCore

/// Where a restaurant bundle stands.
public enum BundleStatus: String, Sendable, Hashable, CodedInJSON {
  /// Accepted (受理); its tracks are under review and the working-day clock runs.
  case underReview = "under-review"
  /// A track asked for corrections (补正); the clock is stopped until a corrected resubmission.
  case correctionRequested = "correction-requested"
  /// Every track approved; waiting for unified issuance.
  case approved
  /// Every track decided and one rejected: the bundle is rejected as a whole.
  case rejected
  /// The certificates were issued (or, for a cancellation, the licences ended).
  case issued
  /// A department objected to a simplified cancellation within its period: the simplified route
  /// ended with the objection's reason (条例 art 33 ¶3); an ordinary cancellation may follow.
  case objected

  public var label: LocalizedText {
    switch self {
    case .underReview: LocalizedText(zh: "审查中", en: "under review")
    case .correctionRequested: LocalizedText(zh: "待补正", en: "correction requested")
    case .approved: LocalizedText(zh: "待出证", en: "approved, awaiting issuance")
    case .rejected: LocalizedText(zh: "不予办理", en: "rejected")
    case .issued: LocalizedText(zh: "已办结", en: "issued")
    case .objected: LocalizedText(zh: "有异议，简易注销终止", en: "objected, simplified route ended")
    }
  }
}

/// Where one review track stands.
public enum TrackStatus: String, Sendable, Hashable, CodedInJSON {
  case pending
  case approved
  case rejected
  case correctionRequested = "correction-requested"

  public var label: LocalizedText {
    switch self {
    case .pending: LocalizedText(zh: "待审查", en: "pending")
    case .approved: LocalizedText(zh: "准予", en: "approved")
    case .rejected: LocalizedText(zh: "不予", en: "rejected")
    case .correctionRequested: LocalizedText(zh: "待补正", en: "correction requested")
    }
  }
}

/// An on-site inspection (现场核查) recorded with a food-track decision.
public struct InspectionRecord: Sendable, Hashable, Codable {
  public var inspectedOn: CivilDate
  /// Staff numbers of the inspectors.
  public var inspectors: [String]
  public var result: InspectionResult

  public init(inspectedOn: CivilDate, inspectors: [String], result: InspectionResult = .pass) {
    self.inspectedOn = inspectedOn
    self.inspectors = inspectors
    self.result = result
  }
}

/// A clerk's decision on one track of a bundle.
public enum TrackDecision: Sendable, Hashable {
  /// Approve; the food track of an opening (or of a change of premises or layout) needs an
  /// inspection by at least the policy's number of inspectors (RD-002). An open review error of
  /// the track needs a reason starting with its rule id (`FL-004 …`), else `RG-009` refuses.
  case approve(inspection: InspectionRecord? = nil, reasons: [String] = [])
  case reject(reasons: [String])
  case requestCorrection(reasons: [String])

  var kind: DecisionKind {
    switch self {
    case .approve: .approve
    case .reject: .reject
    case .requestCorrection: .requestCorrection
    }
  }

  var reasons: [String] {
    switch self {
    case .approve(_, let reasons), .reject(let reasons), .requestCorrection(let reasons): reasons
    }
  }
}

/// What the business licence (营业执照) of an individual business says.
public struct BusinessLicenceFace: Sendable, Hashable, Codable {
  public var uscc: String
  public var name: String
  public var operatorName: String
  public var compositionForm: CompositionForm
  public var premises: String
  public var scope: String
  public var registeredOn: CivilDate
}

/// What the food business licence (食品经营许可证) says.
public struct FoodLicenceFace: Sendable, Hashable, Codable {
  public var number: String
  public var operatorName: String
  public var uscc: String
  public var responsible: String
  public var residence: String
  public var premises: String
  public var category: OperatorCategory
  /// The bracket notes printed after the category (`餐饮服务经营者（中央厨房）`); nil on licences
  /// recorded before they existed, and when there are none.
  public var categoryNotes: [OperatorCategoryNote]?
  public var items: [FoodItem]
  /// The items as printed (labels with their bracket notes).
  public var itemsText: String
  public var validFrom: CivilDate
  public var validUntil: CivilDate
}

/// The two certificates of an individual restaurant as they stand.
public struct LicenceCertificates: Sendable, Hashable, Codable {
  public var business: BusinessLicenceFace
  public var food: FoodLicenceFace
  /// The day both ended (a cancellation), food first.
  public var endedOn: CivilDate?
}

/// One bundle in a list.
public struct BundleSummary: Sendable, Hashable, Codable {
  public struct TrackView: Sendable, Hashable, Codable {
    public var track: Track
    public var status: TrackStatus
    public var decidedBy: String?
    public var decidedOn: CivilDate?
    public var reasons: [String]
    public var inspection: InspectionRecord?
    /// The track's name in its definition (nil for the restaurant's, whose names are fixed).
    public var name: LocalizedText? = nil
    /// For a track of another definition: the inspectors its approval needs on site (an opening
    /// of a track that asks for an inspection); nil when it needs none.
    public var inspectorsNeeded: Int? = nil

    /// The name to show: the definition's, else the restaurant's fixed one.
    public var label: LocalizedText { name ?? track.label }
  }

  /// The definition of a bundle other than the restaurant's (`bookshop`…); nil for a restaurant.
  public var definition: String? = nil

  public var number: String
  public var kind: BundleKind
  public var status: BundleStatus
  public var businessName: String
  public var operatorName: String
  /// The operator's identity number (who may read the bundle besides clerks).
  public var operatorIdentity: String?
  public var uscc: String?
  public var foodLicenceNumber: String?
  public var acceptedOn: CivilDate
  /// When the current count started: acceptance, or the corrected resubmission.
  public var clockStart: CivilDate
  /// Nil while the clock is stopped for a correction.
  public var dueOn: CivilDate?
  /// True while the due date needs a holiday schedule not yet published.
  public var dueProvisional: Bool?
  public var issuedOn: CivilDate?
  public var workingDaysTaken: Int?
  /// True while the working days taken need a holiday schedule not yet published.
  public var workingDaysProvisional: Bool?
  public var tracks: [TrackView]
}

/// A bundle in full: its versions, certificates and history.
public struct BundleDetail: Sendable, Hashable, Codable {
  public struct VersionView: Sendable, Hashable, Codable {
    public var version: Int
    public var kind: String
    public var receipt: String
    public var at: String
  }

  public var summary: BundleSummary
  public var preFilingNumber: String?
  public var unit: String?
  public var changedFields: [ChangeField]
  public var inspectionRequired: Bool
  public var versions: [VersionView]
  public var certificates: LicenceCertificates?
  /// The review findings (审查) of the current version, each with the track whose reviewer
  /// judges it; an approval over an error among them needs a reason (`RG-009`).
  public var reviewFindings: [ReviewFinding] = []
  /// A simplified cancellation's push to the tax and other departments and its objection period.
  public var objectionPeriod: ObjectionPeriod?
  /// The certificates a bundle of another definition issued, changed or ended (nil for a restaurant).
  public var permits: [PermitView]? = nil
  public var history: [AuditEntry]
}

/// A certificate of a bundle of another definition, as it stands.
public struct PermitView: Sendable, Hashable, Codable {
  public var number: String
  public var track: Track
  public var holderName: String
  public var subject: String
  public var place: String
  public var validFrom: CivilDate
  public var validUntil: CivilDate?
  public var active: Bool
  public var endedOn: CivilDate?
}

/// A simplified cancellation (简易注销) pushed to the tax and other departments on acceptance:
/// completed by an issuer only once `objectionUntil` has passed without an objection (条例 art 33
/// ¶3: 10 days, calendar days counted from the push).
public struct ObjectionPeriod: Sendable, Hashable, Codable {
  public var pushedOn: CivilDate
  /// The last day a department may object.
  public var objectionUntil: CivilDate
  public var objection: Objection?
}

/// A department's objection to a simplified cancellation, as a clerk recorded it.
public struct Objection: Sendable, Hashable, Codable {
  public var department: String
  public var reason: String
  public var recordedOn: CivilDate
  public var recordedBy: String
}

/// A review finding put before one track's reviewer.
public struct ReviewFinding: Sendable, Hashable, Codable {
  public var track: Track
  public var finding: Finding
}

/// A bundle past its due date.
public struct OverdueBundle: Sendable, Hashable, Codable {
  public var summary: BundleSummary
  /// Working days after the due date, through the reference date.
  public var workingDaysLate: Int
  /// True when that count needs a holiday schedule not yet published.
  public var provisional: Bool?
}

/// Which bundles `list` shows.
public struct BundleFilter: Sendable, Hashable {
  public var status: BundleStatus?
  public var kind: BundleKind?

  public init(status: BundleStatus? = nil, kind: BundleKind? = nil) {
    self.status = status
    self.kind = kind
  }
}
