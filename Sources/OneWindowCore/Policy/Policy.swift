/// Values the law does not fix precisely, read from `Data/policy.json`.
///
/// Every value the brief marks [INFERENCE] or [UNVERIFIED] lives here with a note saying so
/// (`assumptions`), so a bureau can change it without touching code.
public struct Policy: Sendable, Codable, Hashable {
  /// A requirement that an item or a bracket note brings a dedicated space with one of `purposes`.
  public struct SpaceRequirement: Sendable, Codable, Hashable {
    public var item: FoodItem?
    public var note: FoodItemNote?
    public var purposes: [DedicatedSpacePurpose]

    public init(item: FoodItem? = nil, note: FoodItemNote? = nil, purposes: [DedicatedSpacePurpose]) {
      self.item = item
      self.note = note
      self.purposes = purposes
    }
  }

  public var version: String
  public var issuingAuthority: String
  public var divisionCode: String
  /// The district's name as addresses write it (市南区), checked against `divisionCode` (ID-007).
  public var districtName: String
  public var divisionNames: [String]
  /// The district's 街道 by 2023 statistical division code (ID-008, BL-002).
  public var subdistricts: [String: String]
  public var foodLicenceCategoryDigits: [String: String]
  public var foodLicenceValidityYears: Int
  public var minimumInspectors: Int
  public var preFilingValidityYears: Int
  public var premisesChangeNeedsNewFoodLicence: Bool
  /// What each changed item brings, by ``ChangeField`` code: the tracks that decide it, the
  /// licences re-issued, an inspection (CH-004 and the registry's routing and issuance).
  public var changeEffects: [String: ChangeEffect]
  public var dueWorkingDays: [String: Int]
  public var dedicatedRooms: [SpaceRequirement]
  public var dedicatedAreas: [SpaceRequirement]
  public var activitiesByPlannedUse: [String: [Activity]]
  public var cateringNeedsSmokeFlue: Bool
  public var allowedOrganisationForms: [String]
  public var forbiddenOrganisationForms: [String]
  public var forbiddenNameWords: [String]
  public var placeNames: [String]
  public var requiredMaterials: [String: [MaterialKind]]
  public var healthCertificateMaxDays: Int
  public var centralOfficeMinimumAreaPerEntity: Double
  public var changeFilingDeadlineDays: Int
  public var minimumOperatorAge: Int
  /// Whether the registrar examines a premises' use (EXAMINE: TR-005, TR-006 and PR-002 are errors)
  /// or takes the applicant's commitment for it (COMMITMENT, Shandong 2024 art. 6: warnings).
  /// Absent: COMMITMENT.
  public var premisesExamination: PremisesExamination?
  /// Whether a catering operator must give its subtype (FL-010 an error). Absent: a warning.
  public var cateringSubtypeRequired: Bool?
  /// Food items that produce fumes, odours or exhaust (FL-013, FL-014, PR-001). Absent: hot food.
  public var fumeProducingItems: [FoodItem]?
  /// The severity of a missing 专间 (FL-004); absent: the rule's own, a warning.
  public var dedicatedRoomSeverity: Severity?
  /// The bureau's staff-number format (a regular expression over the whole number, after
  /// full-width folding). Absent: the XSD's `StaffNumber`, ``Policy/defaultStaffNumberPattern``.
  public var staffNumberPattern: String?
  /// Whether Arabic digits may stand in a business name (BL-004). Absent: rejected.
  public var nameArabicDigits: NameDigits?
  /// Identity documents an individual business's operator may show (BL-014). Absent: the
  /// resident identity card and the Hong Kong, Macao and Taiwan residence and travel permits.
  public var operatorDocumentTypes: [IdDocumentType]?
  /// The first characters of the organisation body of a USCC OneWindow issues (`MA`).
  public var usccBodyPrefix: String
  /// How the last digit of a JY number is checked (ID-006): `ISO 7064 MOD 11,10` (inferred from
  /// public numbers), or `none` to not check it. Absent: the inferred algorithm.
  public var foodLicenceCheckDigit: FoodLicenceCheckDigitScheme?
  /// Why each inferred value is what it is, by key.
  public var assumptions: [String: String]

  /// The severities the policy gives rules in place of their own (a warning raised to an error):
  /// the premises-use rules under EXAMINE, a missing 专间, a missing catering subtype. The rule
  /// engine applies them like an operator's overrides, which win over them.
  public var ruleSeverities: [RuleID: Severity] {
    var severities: [RuleID: Severity] = [:]
    if premisesExamination == .examine {
      for id in ["TR-005", "TR-006", "PR-002"] { severities[RuleID(id)] = .error }
    }
    if let dedicatedRoomSeverity { severities[RuleID("FL-004")] = dedicatedRoomSeverity }
    if cateringSubtypeRequired == true { severities[RuleID("FL-010")] = .error }
    return severities
  }

  /// The items FL-013 and FL-014 treat as producing fumes.
  public var fumeProducingFoodItems: [FoodItem] { fumeProducingItems ?? [.hotFood] }

  /// The document types BL-014 accepts for an operator.
  public var allowedOperatorDocumentTypes: [IdDocumentType] {
    operatorDocumentTypes ?? [.residentId, .hkMoResidence, .twResidence, .hkMoPermit, .twPermit]
  }

  /// The scheme in force for JY check digits.
  public var checkDigitScheme: FoodLicenceCheckDigitScheme { foodLicenceCheckDigit ?? .iso7064Mod11_10 }

  /// The category digit of a JY number for an operator category.
  public func foodLicenceCategoryDigit(for category: OperatorCategory) -> String? {
    foodLicenceCategoryDigits[category.rawValue]
  }

  /// What a change of `fields` brings: the union of each item's effect in `changeEffects`; an
  /// item the table does not list goes to both tracks and re-issues both licences
  /// (``ChangeEffect/unlisted``).
  public func changeEffect(of fields: [ChangeField]) -> ChangeEffect {
    fields.reduce(ChangeEffect()) { $0.union(changeEffects[$1.rawValue] ?? .unlisted) }
  }

  /// Working days allowed for a bundle kind (2 unless the policy says otherwise).
  public func dueWorkingDays(for kind: BundleKind) -> Int { dueWorkingDays[kind.rawValue] ?? 2 }

  /// Whether an activity suits a planned use.
  public func allows(_ activity: Activity, in use: PlannedUse) -> Bool {
    activitiesByPlannedUse[use.rawValue]?.contains(activity) ?? false
  }

  /// The materials a packet kind must list.
  public func requiredMaterials(for kind: PacketKind) -> [MaterialKind] {
    requiredMaterials[kind.rawValue] ?? []
  }
}

/// How the registrar treats a premises' ownership, use function and statutory use.
public enum PremisesExamination: String, Sendable, Hashable, Codable {
  /// The applicant commits to them; the registrar no longer examines them (Shandong 2024 art. 6).
  case commitment = "COMMITMENT"
  /// The registrar examines them (elsewhere, or if the bureau decides so).
  case examine = "EXAMINE"
}

/// Arabic digits in a business name.
public enum NameDigits: String, Sendable, Hashable, Codable {
  case reject = "REJECT"
  case allow = "ALLOW"
}

/// How a 食品经营许可证编号's last digit is checked.
public enum FoodLicenceCheckDigitScheme: String, Sendable, Hashable, Codable {
  /// ISO 7064 MOD 11,10 over the 13 digits before it (inferred from public licence numbers).
  case iso7064Mod11_10 = "ISO 7064 MOD 11,10"
  /// Not checked.
  case none
}

extension Policy {
  /// The XSD's `StaffNumber` pattern: 2 to 20 letters, digits or hyphens, not starting with a hyphen.
  public static let defaultStaffNumberPattern = "[A-Za-z0-9][A-Za-z0-9\\-]{1,19}"
}

extension Policy {
  /// A place where packets are accepted: the district hall or a 街道's service centre.
  public struct ServiceCentre: Sendable, Hashable {
    /// The district's division code for the hall (`370202`), a 街道 code for a street centre.
    public var code: String
    public var name: LocalizedText
  }

  /// The district hall (by the division code, named after ``districtName``), then each 街道's
  /// centre in code order (``subdistricts``).
  public var serviceCentres: [ServiceCentre] {
    [ServiceCentre(code: divisionCode, name: LocalizedText("\(districtName)政务服务大厅", "\(districtName) district hall"))]
      + subdistricts.sorted { $0.key < $1.key }.map { ServiceCentre(code: $0.key, name: LocalizedText($0.value, $0.value)) }
  }

  /// The centre a clerk names by its code or by its name (`370202005` or `中山路街道`); nil
  /// for a place the policy does not list.
  public func serviceCentre(named text: String) -> ServiceCentre? {
    let text = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    return serviceCentres.first { $0.code == text || $0.name.zh == text || $0.name.en == text }
  }
}
