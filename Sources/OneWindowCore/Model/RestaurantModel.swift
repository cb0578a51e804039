/// The operator of an individual business.
public struct Operator: Sendable, Hashable {
  public var name = ""
  public var document: IdDocument
  public var residence = ""
  public var phone = ""
  public var node: NodeRef = .none

  public init(document: IdDocument) { self.document = document }
}

/// A family member taking part in a family business.
public struct FamilyMember: Sendable, Hashable {
  public var name = ""
  public var document: IdDocument
  public var relationship = ""
  public var node: NodeRef = .none

  public init(document: IdDocument) { self.document = document }
}

/// An individual business name and its four parts.
public struct BusinessName: Sendable, Hashable {
  @Located public var fullName = ""
  @Located public var division = ""
  @Located public var tradeName = ""
  public var industry = ""
  @Located public var organisationForm = ""
  public var node: NodeRef = .none

  public init() {}
}

/// Premises that are not pre-filed: address, use, area and proofs.
public struct DeclaredPremises: Sendable, Hashable {
  public var address = Address()
  public var floor: String?
  public var room: String?
  @Located public var plannedUse: PlannedUse = .other
  @Located public var area: Double = 0
  public var features: Set<UnitFeature> = []
  public var proofs: [PremisesProof] = []
  public var lease: EntryAgreement?
  public var consent: ResidentialConsent?
  public var node: NodeRef = .none

  public init() {}
}

/// A property proof of premises that are not pre-filed.
public struct PremisesProof: Sendable, Hashable {
  public var type: PropertyProofType = .other
  public var number = ""
  public var issuer = ""
  public var issuedOn: CivilDate?
  public var plannedUse: PlannedUse = .other
  public var material = MaterialRef("")
  public var node: NodeRef = .none

  public init() {}
}

/// A pre-filed unit as restaurant premises, with the entry agreement for it.
public struct PreFiledPremises: Sendable, Hashable {
  @Located public var preFilingNumber = ""
  @Located public var unitRef = ""
  public var agreement: EntryAgreement
  public var node: NodeRef = .none

  public init(preFilingNumber: String, unitRef: String, agreement: EntryAgreement) {
    self.preFilingNumber = preFilingNumber
    self.unitRef = unitRef
    self.agreement = agreement
  }
}

/// Restaurant premises: a pre-filed unit with an entry agreement, or declared premises.
public enum RestaurantPremises: Sendable, Hashable {
  case preFiled(PreFiledPremises)
  case declared(DeclaredPremises)

  public var node: NodeRef {
    switch self {
    case .preFiled(let preFiled): preFiled.node
    case .declared(let declared): declared.node
    }
  }

  /// Where the shop is, as the registry compares premises: `<pre-filing number>#<unit>`, or the
  /// declared address with floor and room.
  public var key: String {
    switch self {
    case .preFiled(let preFiled): "\(preFiled.preFilingNumber)#\(preFiled.unitRef)"
    case .declared(let declared): "\(declared.address.singleLine)/\(declared.floor ?? "")/\(declared.room ?? "")"
    }
  }

  /// The entry agreement or lease, when there is one.
  public var agreement: EntryAgreement? {
    switch self {
    case .preFiled(let preFiled): preFiled.agreement
    case .declared(let declared): declared.lease
    }
  }
}

/// One item of a business scope.
public struct ScopeItem: Sendable, Hashable {
  public var text: String
  public var code: String?
  public var node: NodeRef

  public init(text: String, code: String? = nil, node: NodeRef = .none) {
    self.text = text
    self.code = code
    self.node = node
  }
}

/// A business scope: licensed and general items.
public struct BusinessScope: Sendable, Hashable {
  public var licensed: [ScopeItem] = []
  public var general: [ScopeItem] = []
  public var node: NodeRef = .none

  public init() {}

  public var allItems: [ScopeItem] { licensed + general }

  /// Whether a licensed item reads `text` (whitespace ignored).
  public func hasLicensedItem(_ text: String) -> Bool {
    licensed.contains { $0.text.filter { !$0.isWhitespace } == text }
  }
}

/// The business-licence part of an application.
public struct BusinessLicencePart: Sendable, Hashable {
  public var fundsAmount: Double?
  public var employees: Int?
  public var liaison: Contact?
  public var node: NodeRef = .none

  public init() {}
}

/// One food business item with its bracket notes.
public struct FoodItemEntry: Sendable, Hashable {
  /// The item's `code` attribute.
  @Located public var item: FoodItem
  public var notes: [FoodItemNote] = []
  public var node: NodeRef = .none

  public init(item: FoodItem, notes: [FoodItemNote] = [], node: NodeRef = .none) {
    self.item = item
    self.notes = notes
    self.node = node
  }
}

/// A bracket note on the operator category (主体业态后的括号标注), with its element.
public struct CategoryNoteEntry: Sendable, Hashable {
  public var note: OperatorCategoryNote
  public var node: NodeRef = .none

  public init(note: OperatorCategoryNote, node: NodeRef = .none) {
    self.note = note
    self.node = node
  }
}

/// A dedicated room or work area.
public struct DedicatedSpace: Sendable, Hashable {
  public var kind: DedicatedSpaceKind
  public var purpose: DedicatedSpacePurpose
  public var area: Double = 0
  public var node: NodeRef = .none

  public init(kind: DedicatedSpaceKind, purpose: DedicatedSpacePurpose) {
    self.kind = kind
    self.purpose = purpose
  }
}

/// The food-safety manager.
public struct FoodSafetyManager: Sendable, Hashable {
  public var name = ""
  public var phone = ""
  public var trainingCertificate: String?
  public var node: NodeRef = .none

  public init() {}
}

/// A staff member's health certificate.
public struct HealthCertificate: Sendable, Hashable {
  public var number = ""
  public var issuer = ""
  @Located public var issuedOn: CivilDate? = nil
  @Located public var validUntil: CivilDate? = nil
  public var material: MaterialRef?
  public var node: NodeRef = .none

  public init() {}
}

/// A staff member.
public struct StaffMember: Sendable, Hashable {
  public var name = ""
  public var document: IdDocument?
  public var role: StaffRole = .other
  public var health = HealthCertificate()
  public var node: NodeRef = .none

  public init() {}
}

/// The food-licence part of an application.
public struct FoodLicencePart: Sendable, Hashable {
  @Located public var category: OperatorCategory = .catering
  public var cateringSubtype: CateringSubtype?
  /// The bracket notes after the category (`餐饮服务经营者（中央厨房）`).
  public var categoryNotes: [CategoryNoteEntry] = []
  public var items: [FoodItemEntry] = []
  public var itemsNode: NodeRef = .none
  @Located public var operatingArea: Double = 0
  public var dedicatedSpaces: [DedicatedSpace] = []
  public var manager = FoodSafetyManager()
  public var staff: [StaffMember] = []
  public var layoutPlan = MaterialRef("")
  public var equipmentList = MaterialRef("")
  public var safetyRules = MaterialRef("")
  public var node: NodeRef = .none

  public init() {}

  public func has(_ item: FoodItem) -> Bool { items.contains { $0.item == item } }
}

/// Fields shared by openings and per-track applications.
public struct RestaurantCore: Sendable, Hashable {
  public var operatorInfo: Operator
  @Located public var compositionForm: CompositionForm = .individual
  public var familyMembers: [FamilyMember] = []
  public var name = BusinessName()
  public var premises: RestaurantPremises
  public var scope = BusinessScope()
  public var contact = Contact()

  public init(operatorInfo: Operator, premises: RestaurantPremises) {
    self.operatorInfo = operatorInfo
    self.premises = premises
  }
}

/// An agent filing on the operator's behalf.
public struct Agent: Sendable, Hashable {
  public var name = ""
  public var document: IdDocument
  public var powerOfAttorney = MaterialRef("")
  public var node: NodeRef = .none

  public init(document: IdDocument) { self.document = document }
}

/// A restaurant opening bundle (新办).
public struct RestaurantOpening: Sendable, Hashable {
  public var header = PacketHeader()
  public var agent: Agent?
  public var core: RestaurantCore
  public var business = BusinessLicencePart()
  public var food = FoodLicencePart()
  public var declaration = Signature()
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(core: RestaurantCore) { self.core = core }
}

/// The licences an existing business holds.
public struct CurrentLicences: Sendable, Hashable {
  @Located public var uscc = ""
  @Located public var foodLicenceNumber = ""
  public var bundleNumber: String?
  public var node: NodeRef = .none

  public init() {}
}

/// An `Issuance` packet: the numbers on the certificates issued together.
public struct IssuedCertificates: Sendable, Hashable {
  public var header: PacketHeader?
  public var bundleNumber = ""
  /// The business licence's 统一社会信用代码.
  @Located public var businessLicenceUSCC = ""
  /// The food licence's JY number and the USCC printed on it (absent on a cancellation).
  @Located public var foodLicenceNumber = ""
  @Located public var foodLicenceUSCC = ""

  public init() {}
}

/// The new values of a change packet; nil means unchanged.
public struct RestaurantChanges: Sendable, Hashable {
  public var name: BusinessName?
  public var operatorInfo: Operator?
  /// The operator's new residence (经营者住所, a registered item), the operator staying the same.
  public var operatorResidence: String?
  public var compositionForm: CompositionForm?
  public var premises: RestaurantPremises?
  public var scope: BusinessScope?
  public var foodItems: [FoodItemEntry]?
  public var operatingArea: Double?
  public var dedicatedSpaces: [DedicatedSpace]?
  public var layoutPlan: MaterialRef?
  public var manager: FoodSafetyManager?
  public var staff: [StaffMember]?
  public var contact: Contact?
  public var fundsAmount: Double?
  public var employees: Int?
  /// Where each new value stands, by the change field it answers.
  public var nodes: [ChangeField: NodeRef] = [:]
  public var node: NodeRef = .none

  public init() {}

  /// The change fields that have a new value.
  public var providedFields: Set<ChangeField> { Set(nodes.keys) }
}

/// A restaurant change bundle (变更).
public struct RestaurantChange: Sendable, Hashable {
  public var header = PacketHeader()
  public var current = CurrentLicences()
  public var operatorPerson: Person
  public var registeredName = ""
  @Located public var changedFields: [ChangeField] = []
  public var changes = RestaurantChanges()
  @Located public var changedOn: CivilDate? = nil
  public var declaration = Signature()
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(operatorPerson: Person) { self.operatorPerson = operatorPerson }
}

/// The status an operator declares when cancelling.
public struct CancellationStatus: Sendable, Hashable {
  public var inAbnormalOperationList = false
  public var pendingCases = false
  public var unpaidFines = false
  public var frozenOrPledged = false
  /// On the 严重违法失信名单 (细则 art 48); nil when not declared.
  @Located public var onSeriousDishonestyList: Bool? = nil
  /// 吊销, 责令关闭 or 撤销 (条例 art 33 ¶4, 细则 art 48); nil when not declared.
  @Located public var revokedClosedOrCancelled: Bool? = nil
  public var node: NodeRef = .none

  public init() {}
}

/// A restaurant cancellation bundle (注销).
public struct RestaurantCancellation: Sendable, Hashable {
  public var header = PacketHeader()
  public var current = CurrentLicences()
  public var operatorPerson: Person
  public var registeredName = ""
  public var reason: CancellationReason = .ceasedTrading
  public var reasonText: String?
  @Located public var ceasedOn: CivilDate? = nil
  @Located public var simplified = false
  public var status = CancellationStatus()
  public var taxClearance: MaterialRef?
  public var returnedLicence: MaterialRef?
  public var declaration = Signature()
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(operatorPerson: Person) { self.operatorPerson = operatorPerson }
}

/// The business-licence track application, split from an opening bundle.
public struct BusinessLicenceApplication: Sendable, Hashable {
  public var header = PacketHeader()
  public var bundleNumber: String?
  /// The agent of the bundle this application was split from (帮办代办), if any.
  public var agent: Agent?
  public var core: RestaurantCore
  public var business = BusinessLicencePart()
  public var declaration = Signature()
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(core: RestaurantCore) { self.core = core }
}

/// The food-licence track application, split from an opening bundle.
public struct FoodLicenceApplication: Sendable, Hashable {
  public var header = PacketHeader()
  @Located public var bundleNumber: String? = nil
  /// The agent of the bundle this application was split from (帮办代办), if any.
  public var agent: Agent?
  public var core: RestaurantCore
  public var uscc: String?
  public var food = FoodLicencePart()
  public var declaration = Signature()
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(core: RestaurantCore) { self.core = core }
}
