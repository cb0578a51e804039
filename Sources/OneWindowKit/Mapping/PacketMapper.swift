import OneWindowCore

/// Builds the typed packet from a schema-valid tree.
///
/// The schema has already guaranteed structure and code lists, so missing values fall back to
/// neutral defaults instead of failing.
enum PacketMapper {
  typealias Element = ElementTree.Element

  static func packet(from root: Element) -> Packet {
    guard let kind = PacketKind(rawValue: root.name) else { return .other(.receipt, header: nil) }
    switch kind {
    case .preFiling: return .preFiling(preFiling(root))
    case .preFilingAmendment: return .amendment(amendment(root))
    case .preFilingWithdrawal: return .withdrawal(withdrawal(root))
    case .tenantRegistration: return .registration(registration(root))
    case .restaurantOpening: return .opening(opening(root))
    case .restaurantChange: return .change(change(root))
    case .restaurantCancellation: return .cancellation(cancellation(root))
    case .businessLicenceApplication: return .businessApplication(businessApplication(root))
    case .foodLicenceApplication: return .foodApplication(foodApplication(root))
    case .reviewDecision: return .decision(decision(root))
    case .issuance, .receipt, .validationReport, .replayScenario:
      return .other(kind, header: root.child("Header").map(header))
    }
  }

  // MARK: - Shared structures

  static func header(_ element: Element) -> PacketHeader {
    let createdAt = element.string("CreatedAt") ?? ""
    return PacketHeader(
      packetID: element.string("PacketId") ?? "", createdAt: createdAt,
      createdOn: CivilDate(createdAt), channel: element.code("Channel", as: Channel.self),
      resubmits: element.string("Resubmits"), node: element.node)
  }

  static func idDocument(_ element: Element?) -> IdDocument {
    guard let element else { return IdDocument(type: .residentId, number: "") }
    return IdDocument(
      type: element.attribute("type").flatMap(IdDocumentType.init) ?? .residentId,
      number: element.text, node: element.node)
  }

  static func identity(_ element: Element) -> PartyIdentity {
    if let uscc = element.child("USCC") { return .uscc(uscc.text, node: uscc.node) }
    return .document(idDocument(element.child("IdDocument")))
  }

  static func party(_ element: Element) -> Party {
    Party(name: element.string("Name") ?? "", identity: identity(element), node: element.node)
  }

  static func person(_ element: Element) -> Person {
    Person(name: element.string("Name") ?? "", document: idDocument(element.child("IdDocument")), node: element.node)
  }

  static func contact(_ element: Element?) -> Contact {
    guard let element else { return Contact() }
    return Contact(name: element.string("Name") ?? "", phone: element.string("Phone") ?? "", node: element.node)
  }

  static func address(_ element: Element?) -> Address {
    var address = Address()
    guard let element else { return address }
    address.province = element.string("Province") ?? ""
    address.city = element.string("City") ?? ""
    address.districtCode = element.string("DistrictCode") ?? ""
    address.district = element.string("District") ?? ""
    address.subdistrictCode = element.string("SubdistrictCode") ?? ""
    address.subdistrict = element.string("Subdistrict") ?? ""
    address.community = element.string("Community")
    address.road = element.string("Road") ?? ""
    address.houseNumber = element.string("HouseNumber") ?? ""
    address.building = element.string("Building")
    address.node = element.node
    return address
  }

  static func signature(_ element: Element?) -> Signature {
    guard let element else { return Signature() }
    return Signature(signatory: element.string("Signatory") ?? "", signedOn: element.date("SignedOn"), node: element.node)
  }

  static func materials(_ element: Element?) -> [Material] {
    guard let element else { return [] }
    return element.children("Material").map { material in
      Material(
        id: material.attribute("id") ?? "", kind: material.code("Kind", as: MaterialKind.self) ?? .other,
        title: material.string("Title") ?? "", number: material.string("Number"),
        issuer: material.string("Issuer"), issuedOn: material.date("IssuedOn"),
        validUntil: material.date("ValidUntil"), fileName: material.child("FileName")?.rawText ?? "",
        sha256: material.string("SHA256") ?? "", pages: material.int("Pages"), node: material.node)
    }
  }

  static func materialRef(_ element: Element?) -> MaterialRef {
    guard let element else { return MaterialRef("") }
    return MaterialRef(element.text, node: element.node)
  }

  // MARK: - Premises structures

  static func unit(_ element: Element) -> Unit {
    var unit = Unit(id: element.attribute("id") ?? "")
    unit.floor = element.string("Floor") ?? ""
    unit.room = element.string("Room") ?? ""
    unit.area = element.double("Area") ?? 0
    unit.plannedUse = element.code("PlannedUse", as: PlannedUse.self) ?? .other
    unit.capacity = element.int("Capacity") ?? 1
    unit.features = features(element.child("Features"))
    unit.node = element.node
    return unit
  }

  static func features(_ element: Element?) -> Set<UnitFeature> {
    Set(element?.children("Feature").compactMap { UnitFeature(rawValue: $0.text) } ?? [])
  }

  static func proof(_ element: Element) -> PropertyProof {
    var proof = PropertyProof(id: element.attribute("id") ?? "")
    proof.type = element.code("Type", as: PropertyProofType.self) ?? .other
    proof.number = element.string("Number") ?? ""
    proof.issuer = element.string("Issuer") ?? ""
    proof.issuedOn = element.date("IssuedOn")
    proof.plannedUse = element.code("PlannedUse", as: PlannedUse.self) ?? .other
    proof.area = element.double("Area")
    proof.realEstateUnitNumber = element.string("RealEstateUnitNumber")
    proof.covers = element.child("Covers")?.children("UnitRef").map(\.text) ?? []
    proof.material = materialRef(element.child("MaterialRef"))
    proof.node = element.node
    return proof
  }

  static func consent(_ element: Element) -> ResidentialConsent {
    var consent = ResidentialConsent()
    consent.unitRef = element.string("UnitRef") ?? ""
    consent.interestedOwners = element.int("InterestedOwners") ?? 0
    consent.consentingOwners = element.int("ConsentingOwners") ?? 0
    consent.material = materialRef(element.child("MaterialRef"))
    consent.node = element.node
    return consent
  }

  static func declaration(_ element: Element?) -> Declaration {
    var declaration = Declaration()
    guard let element else { return declaration }
    declaration.signatory = element.string("Signatory") ?? ""
    declaration.signedOn = element.date("SignedOn")
    let commitments = element.child("Commitments")
    declaration.commitments = commitments?.children("Commitment").compactMap { Commitment(rawValue: $0.text) } ?? []
    declaration.commitmentsNode = commitments?.node ?? element.node
    declaration.node = element.node
    return declaration
  }

  static func agreement(_ element: Element?) -> EntryAgreement {
    guard let element else {
      return EntryAgreement(lessor: Party(name: "", identity: .uscc("", node: .none)))
    }
    var agreement = EntryAgreement(
      lessor: element.child("Lessor").map(party) ?? Party(name: "", identity: .uscc("", node: .none)))
    agreement.lessee = element.string("Lessee") ?? ""
    agreement.termStart = element.date("TermStart")
    agreement.termEnd = element.date("TermEnd")
    agreement.use = element.code("Use", as: Activity.self) ?? .other
    agreement.signedOn = element.date("SignedOn")
    agreement.material = materialRef(element.child("MaterialRef"))
    agreement.node = element.node
    return agreement
  }

  // MARK: - Pre-filing families

  static func preFiling(_ root: Element) -> PreFiling {
    let ownerElement = root.child("Owner")
    var owner: Owner
    if let organisation = ownerElement?.child("Organisation") {
      let uscc = organisation.child("USCC")
      owner = Owner(name: organisation.string("Name") ?? "", identity: .uscc(uscc?.text ?? "", node: uscc?.node ?? .none))
      owner.legalRepresentative = organisation.string("LegalRepresentative")
    } else {
      let person = ownerElement?.child("Person")
      owner = Owner(name: person?.string("Name") ?? "", identity: .document(idDocument(person?.child("IdDocument"))))
    }
    owner.contact = contact(ownerElement?.child("Contact"))
    owner.node = ownerElement?.node ?? .none
    var packet = PreFiling(owner: owner)
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    if let premises = root.child("Premises") {
      packet.premises.name = premises.string("Name") ?? ""
      packet.premises.kind = premises.code("Kind", as: PremisesKind.self) ?? .building
      packet.premises.address = address(premises.child("Address"))
      packet.premises.multiLicenceMode = premises.code("MultiLicenceMode", as: MultiLicenceMode.self)
      packet.premises.node = premises.node
    }
    packet.units = root.child("Units")?.children("Unit").map(unit) ?? []
    packet.proofs = root.child("PropertyProofs")?.children("Proof").map(proof) ?? []
    packet.consolidation = root.child("Consolidation")?.children("Step").map { step in
      var item = ConsolidationStep()
      item.action = step.code("Action", as: ConsolidationAction.self) ?? .simplify
      item.original = step.child("Original")?.rawText ?? ""
      item.proofRefs = step.children("ProofRef").map(\.text)
      item.reason = step.child("Reason")?.rawText ?? ""
      item.confirmedBy = step.string("ConfirmedBy") ?? ""
      item.confirmedOn = step.date("ConfirmedOn")
      item.material = step.child("MaterialRef").map(materialRef)
      item.node = step.node
      return item
    } ?? []
    packet.consents = root.child("ResidentialConsents")?.children("Consent").map(consent) ?? []
    packet.declaration = declaration(root.child("Declaration"))
    packet.materials = materials(root.child("Materials"))
    packet.node = root.node
    return packet
  }

  static func amendment(_ root: Element) -> PreFilingAmendment {
    var packet = PreFilingAmendment(owner: root.child("Owner").map(party) ?? Party(name: "", identity: .uscc("", node: .none)))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    packet.preFilingNumber = root.string("PreFilingNumber") ?? ""
    packet.reason = root.child("Reason")?.rawText ?? ""
    packet.effectiveOn = root.date("EffectiveOn")
    packet.addUnits = root.child("AddUnits")?.children("Unit").map(unit) ?? []
    packet.retireUnits = root.child("RetireUnits")?.children("Retire").map { element in
      var retirement = UnitRetirement()
      retirement.unitRef = element.string("UnitRef") ?? ""
      retirement.reason = element.string("Reason") ?? ""
      retirement.node = element.node
      return retirement
    } ?? []
    packet.replaceProofs = root.child("ReplaceProofs")?.children("Replace").map { element in
      var replacement = ProofReplacement(
        replaces: element.string("ProofRef") ?? "", proof: element.child("Proof").map(proof) ?? PropertyProof(id: ""))
      replacement.node = element.node
      return replacement
    } ?? []
    packet.addProofs = root.child("AddProofs")?.children("Proof").map(proof) ?? []
    packet.consents = root.child("ResidentialConsents")?.children("Consent").map(consent) ?? []
    packet.declaration = declaration(root.child("Declaration"))
    packet.materials = materials(root.child("Materials"))
    packet.node = root.node
    return packet
  }

  static func withdrawal(_ root: Element) -> PreFilingWithdrawal {
    var packet = PreFilingWithdrawal(owner: root.child("Owner").map(party) ?? Party(name: "", identity: .uscc("", node: .none)))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    packet.preFilingNumber = root.string("PreFilingNumber") ?? ""
    packet.reason = root.child("Reason")?.rawText ?? ""
    packet.effectiveOn = root.date("EffectiveOn")
    packet.signature = signature(root.child("Signature"))
    packet.node = root.node
    return packet
  }

  static func registration(_ root: Element) -> TenantRegistration {
    let tenantElement = root.child("Tenant")
    var tenant = Tenant(representative: tenantElement?.child("Representative").map(person)
      ?? Person(name: "", document: IdDocument(type: .residentId, number: "")))
    tenant.name = tenantElement?.string("Name") ?? ""
    if let uscc = tenantElement?.child("USCC") {
      tenant.uscc = uscc.text
      tenant.usccNode = uscc.node
    }
    tenant.entityType = tenantElement?.code("EntityType", as: EntityType.self) ?? .other
    tenant.contact = contact(tenantElement?.child("Contact"))
    tenant.node = tenantElement?.node ?? .none
    var packet = TenantRegistration(tenant: tenant, agreement: agreement(root.child("EntryAgreement")))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    let number = root.child("PreFilingNumber")
    packet.preFilingNumber = number?.text ?? ""
    packet.preFilingNumberNode = number?.node ?? .none
    let unitRef = root.child("UnitRef")
    packet.unitRef = unitRef?.text ?? ""
    packet.unitRefNode = unitRef?.node ?? .none
    let activity = root.child("IntendedActivity")
    packet.activity = activity.flatMap { Activity(rawValue: $0.text) } ?? .other
    packet.activityNode = activity?.node ?? .none
    packet.activityDescription = root.string("ActivityDescription")
    packet.signature = signature(root.child("Signature"))
    packet.materials = materials(root.child("Materials"))
    packet.node = root.node
    return packet
  }
}
