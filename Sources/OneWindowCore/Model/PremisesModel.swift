/// A unit of pre-filed premises: a room, a doorway, a floor.
public struct Unit: Sendable, Hashable {
  /// The unit's `id` attribute.
  @Located public var id: String = ""
  public var floor = ""
  public var room = ""
  @Located public var area: Double = 0
  @Located public var plannedUse: PlannedUse = .other
  @Located public var capacity = 1
  public var features: Set<UnitFeature> = []
  public var node: NodeRef = .none

  public init(id: String) { self.id = id }

  /// The unit's place within its building, as duplicate pre-filings are compared: `floor/room`.
  public var placeKey: String { "\(floor)/\(room)" }
}

/// A property proof and the units it covers.
public struct PropertyProof: Sendable, Hashable {
  /// The proof's `id` attribute.
  @Located public var id: String = ""
  @Located public var type: PropertyProofType = .other
  @Located public var number = ""
  public var issuer = ""
  @Located public var issuedOn: CivilDate? = nil
  public var plannedUse: PlannedUse = .other
  @Located public var area: Double? = nil
  public var realEstateUnitNumber: String?
  @Located public var covers: [String] = []
  public var material = MaterialRef("")
  public var node: NodeRef = .none

  public init(id: String) { self.id = id }
}

/// One step consolidating messy historical papers.
public struct ConsolidationStep: Sendable, Hashable {
  @Located public var action: ConsolidationAction = .simplify
  public var original = ""
  public var proofRefs: [String] = []
  public var reason = ""
  public var confirmedBy = ""
  @Located public var confirmedOn: CivilDate? = nil
  public var material: MaterialRef?
  public var node: NodeRef = .none

  public init() {}
}

/// The consent of interested owners to commercial use of a residential unit.
public struct ResidentialConsent: Sendable, Hashable {
  public var unitRef = ""
  public var interestedOwners = 0
  @Located public var consentingOwners = 0
  public var material = MaterialRef("")
  public var node: NodeRef = .none

  public init() {}

  /// Unanimous, as 民法典 art. 279 requires.
  public var isUnanimous: Bool { interestedOwners > 0 && consentingOwners >= interestedOwners }
}

/// The owner's declaration and commitments.
public struct Declaration: Sendable, Hashable {
  public var signatory = ""
  @Located public var signedOn: CivilDate? = nil
  public var commitments: [Commitment] = []
  /// Where `Commitments` stands, or the declaration itself when absent.
  public var commitmentsNode: NodeRef = .none
  public var node: NodeRef = .none

  public init() {}
}

/// An entry agreement (lease or free use).
public struct EntryAgreement: Sendable, Hashable {
  public var lessor: Party
  @Located public var lessee = ""
  @Located public var termStart: CivilDate? = nil
  @Located public var termEnd: CivilDate? = nil
  @Located public var use: Activity = .other
  @Located public var signedOn: CivilDate? = nil
  public var material = MaterialRef("")
  public var node: NodeRef = .none

  public init(lessor: Party) { self.lessor = lessor }

  /// Whether the term includes `date`.
  public func covers(_ date: CivilDate) -> Bool {
    guard let termStart, let termEnd else { return false }
    return termStart <= date && date <= termEnd
  }
}

/// The owner of a pre-filing: an organisation or a person, plus a contact.
public struct Owner: Sendable, Hashable {
  public var name: String
  public var identity: PartyIdentity
  /// The legal representative of an organisation.
  public var legalRepresentative: String?
  public var contact = Contact()
  public var node: NodeRef = .none

  public init(name: String, identity: PartyIdentity) {
    self.name = name
    self.identity = identity
  }
}

/// The pre-filed premises as a whole.
public struct Premises: Sendable, Hashable {
  public var name = ""
  public var kind: PremisesKind = .building
  public var address = Address()
  public var multiLicenceMode: MultiLicenceMode?
  public var node: NodeRef = .none

  public init() {}
}

/// An address pre-filing packet (住所预备案).
public struct PreFiling: Sendable, Hashable {
  public var header = PacketHeader()
  public var owner: Owner
  public var premises = Premises()
  public var units: [Unit] = []
  public var proofs: [PropertyProof] = []
  public var consolidation: [ConsolidationStep] = []
  public var consents: [ResidentialConsent] = []
  public var declaration = Declaration()
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(owner: Owner) { self.owner = owner }
}

/// Retiring one unit of a pre-filing.
public struct UnitRetirement: Sendable, Hashable {
  @Located public var unitRef = ""
  public var reason = ""
  public var node: NodeRef = .none

  public init() {}
}

/// Replacing one proof of a pre-filing.
public struct ProofReplacement: Sendable, Hashable {
  @Located public var replaces = ""
  public var proof: PropertyProof
  public var node: NodeRef = .none

  public init(replaces: String, proof: PropertyProof) {
    self.replaces = replaces
    self.proof = proof
  }
}

/// A pre-filing amendment packet.
public struct PreFilingAmendment: Sendable, Hashable {
  public var header = PacketHeader()
  @Located public var preFilingNumber = ""
  public var owner: Party
  @Located public var reason = ""
  public var effectiveOn: CivilDate?
  public var addUnits: [Unit] = []
  public var retireUnits: [UnitRetirement] = []
  public var replaceProofs: [ProofReplacement] = []
  public var addProofs: [PropertyProof] = []
  public var consents: [ResidentialConsent] = []
  public var declaration = Declaration()
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(owner: Party) { self.owner = owner }

  /// Whether the amendment changes anything at all.
  public var changesSomething: Bool {
    !addUnits.isEmpty || !retireUnits.isEmpty || !replaceProofs.isEmpty || !addProofs.isEmpty
      || !consents.isEmpty
  }
}

/// A pre-filing withdrawal packet.
public struct PreFilingWithdrawal: Sendable, Hashable {
  public var header = PacketHeader()
  @Located public var preFilingNumber = ""
  public var owner: Party
  public var reason = ""
  public var effectiveOn: CivilDate?
  public var signature = Signature()
  public var node: NodeRef = .none

  public init(owner: Party) { self.owner = owner }
}

/// The tenant of a registration.
public struct Tenant: Sendable, Hashable {
  public var name = ""
  @Located public var uscc: String? = nil
  public var entityType: EntityType = .other
  public var representative: Person
  public var contact = Contact()
  public var node: NodeRef = .none

  public init(representative: Person) { self.representative = representative }
}

/// A tenant address registration packet (入驻登记).
public struct TenantRegistration: Sendable, Hashable {
  public var header = PacketHeader()
  @Located public var preFilingNumber = ""
  @Located public var unitRef = ""
  public var tenant: Tenant
  @Located public var activity: Activity = .other
  public var activityDescription: String?
  public var agreement: EntryAgreement
  public var signature = Signature()
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(tenant: Tenant, agreement: EntryAgreement) {
    self.tenant = tenant
    self.agreement = agreement
  }
}
