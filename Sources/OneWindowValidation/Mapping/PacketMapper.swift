import OneWindowCore
import OneWindowXML

/// Builds the typed packet from a schema-valid document, reading libxml2's tree through
/// ``PacketElement`` (which records each element reached in the packet's source map).
///
/// The schema has already guaranteed structure and code lists, so missing values fall back to
/// neutral defaults instead of failing.
enum PacketMapper {
  typealias Element = PacketElement

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
    case .issuance: return .issuance(issuance(root))
    case .tradeBundle: return .tradeBundle(tradeBundle(root))
    case .receipt, .validationReport, .replayScenario:
      return .other(kind, header: root.child("Header").map(header))
    }
  }

  static func issuance(_ root: Element) -> IssuedCertificates {
    var packet = IssuedCertificates()
    packet.header = root.child("Header").map(header)
    packet.bundleNumber = root.string("BundleNumber") ?? ""
    root.child("BusinessLicence")?.read("USCC", into: &packet, \.businessLicenceUSCC, \.$businessLicenceUSCC)
    if let food = root.child("FoodLicence") {
      food.read("Number", into: &packet, \.foodLicenceNumber, \.$foodLicenceNumber)
      food.read("USCC", into: &packet, \.foodLicenceUSCC, \.$foodLicenceUSCC)
    }
    return packet
  }

  // MARK: - Shared structures

  static func header(_ element: Element) -> PacketHeader {
    var header = PacketHeader(
      packetID: element.string("PacketId") ?? "", channel: element.code("Channel", as: Channel.self),
      node: element.node)
    element.read("CreatedAt", into: &header, \.createdAt, \.$createdOn)
    header.createdOn = CivilDate(header.createdAt)
    element.read("Resubmits", into: &header, \.resubmits, \.$resubmits)
    return header
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
    element.read("DistrictCode", into: &address, \.districtCode, \.$districtCode)
    element.read("District", into: &address, \.district, \.$district)
    element.read("SubdistrictCode", into: &address, \.subdistrictCode, \.$subdistrictCode)
    element.read("Subdistrict", into: &address, \.subdistrict, \.$subdistrict)
    address.community = element.string("Community")
    address.road = element.string("Road") ?? ""
    address.houseNumber = element.string("HouseNumber") ?? ""
    address.building = element.string("Building")
    address.node = element.node
    return address
  }

  static func signature(_ element: Element?) -> Signature {
    guard let element else { return Signature() }
    var signature = Signature(signatory: element.string("Signatory") ?? "", node: element.node)
    element.read("SignedOn", into: &signature, \.signedOn, \.$signedOn)
    return signature
  }

  /// The manifest, placed at the `Materials` element.
  static func materials(_ element: Element?) -> Located<[Material]> {
    guard let element else { return Located(wrappedValue: []) }
    let list = element.children("Material").map { element in
      var material = Material(id: "", kind: .other, node: element.node)
      if let id = element.locatedAttribute("id") { (material.id, material.$id) = (id.wrappedValue, id.projectedValue) }
      // One pass over the entry's fields (a manifest has many entries of ten fields each).
      element.eachChild { field, name in
        switch name {
        case "Kind":
          if let kind = MaterialKind(rawValue: field.text) { (material.kind, material.$kind) = (kind, field.node) }
        case "Title": (material.title, material.$title) = (field.text, field.node)
        case "Number": (material.number, material.$number) = (field.text, field.node)
        case "Issuer": (material.issuer, material.$issuer) = (field.text, field.node)
        case "IssuedOn":
          if let date = CivilDate(field.text) { (material.issuedOn, material.$issuedOn) = (date, field.node) }
        case "ValidUntil":
          if let date = CivilDate(field.text) { (material.validUntil, material.$validUntil) = (date, field.node) }
        case "FileName": (material.fileName, material.$fileName) = (field.rawText, field.node)
        case "SHA256": (material.sha256, material.$sha256) = (field.text, field.node)
        case "Pages":
          if let pages = Int(field.text) { (material.pages, material.$pages) = (pages, field.node) }
        default: break
        }
      }
      return material
    }
    return Located(wrappedValue: list, at: element.node)
  }

  static func materialRef(_ element: Element?) -> MaterialRef {
    guard let element else { return MaterialRef("") }
    return MaterialRef(element.text, node: element.node)
  }

  // MARK: - Premises structures

  static func unit(_ element: Element) -> Unit {
    var unit = Unit(id: "")
    if let id = element.locatedAttribute("id") { (unit.id, unit.$id) = (id.wrappedValue, id.projectedValue) }
    unit.floor = element.string("Floor") ?? ""
    unit.room = element.string("Room") ?? ""
    element.read("Area", into: &unit, \.area, \.$area) { Double($0.text) }
    element.read("PlannedUse", into: &unit, \.plannedUse, \.$plannedUse)
    element.read("Capacity", into: &unit, \.capacity, \.$capacity) { Int($0.text) }
    unit.features = features(element.child("Features"))
    unit.node = element.node
    return unit
  }

  static func features(_ element: Element?) -> Set<UnitFeature> {
    Set(element?.children("Feature").compactMap { UnitFeature(rawValue: $0.text) } ?? [])
  }

  static func proof(_ element: Element) -> PropertyProof {
    var proof = PropertyProof(id: "")
    if let id = element.locatedAttribute("id") { (proof.id, proof.$id) = (id.wrappedValue, id.projectedValue) }
    element.read("Type", into: &proof, \.type, \.$type)
    element.read("Number", into: &proof, \.number, \.$number)
    proof.issuer = element.string("Issuer") ?? ""
    element.read("IssuedOn", into: &proof, \.issuedOn, \.$issuedOn)
    proof.plannedUse = element.code("PlannedUse", as: PlannedUse.self) ?? .other
    element.read("Area", into: &proof, \.area, \.$area) { Double($0.text).map(Optional.init) }
    proof.realEstateUnitNumber = element.string("RealEstateUnitNumber")
    element.read("Covers", into: &proof, \.covers, \.$covers) { covers in covers.view.children("UnitRef").map { collapse($0.text) } }
    proof.material = materialRef(element.child("MaterialRef"))
    proof.node = element.node
    return proof
  }

  static func consent(_ element: Element) -> ResidentialConsent {
    var consent = ResidentialConsent()
    consent.unitRef = element.string("UnitRef") ?? ""
    consent.interestedOwners = element.int("InterestedOwners") ?? 0
    element.read("ConsentingOwners", into: &consent, \.consentingOwners, \.$consentingOwners) { Int($0.text) }
    consent.material = materialRef(element.child("MaterialRef"))
    consent.node = element.node
    return consent
  }

  static func declaration(_ element: Element?) -> Declaration {
    var declaration = Declaration()
    guard let element else { return declaration }
    declaration.signatory = element.string("Signatory") ?? ""
    element.read("SignedOn", into: &declaration, \.signedOn, \.$signedOn)
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
    element.read("Lessee", into: &agreement, \.lessee, \.$lessee)
    element.read("TermStart", into: &agreement, \.termStart, \.$termStart)
    element.read("TermEnd", into: &agreement, \.termEnd, \.$termEnd)
    element.read("Use", into: &agreement, \.use, \.$use)
    element.read("SignedOn", into: &agreement, \.signedOn, \.$signedOn)
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
      step.read("Action", into: &item, \.action, \.$action)
      item.original = step.child("Original")?.rawText ?? ""
      item.proofRefs = step.children("ProofRef").map(\.text)
      item.reason = step.child("Reason")?.rawText ?? ""
      item.confirmedBy = step.string("ConfirmedBy") ?? ""
      step.read("ConfirmedOn", into: &item, \.confirmedOn, \.$confirmedOn)
      item.material = step.child("MaterialRef").map(materialRef)
      item.node = step.node
      return item
    } ?? []
    packet.consents = root.child("ResidentialConsents")?.children("Consent").map(consent) ?? []
    packet.declaration = declaration(root.child("Declaration"))
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }

  static func amendment(_ root: Element) -> PreFilingAmendment {
    var packet = PreFilingAmendment(owner: root.child("Owner").map(party) ?? Party(name: "", identity: .uscc("", node: .none)))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    root.read("PreFilingNumber", into: &packet, \.preFilingNumber, \.$preFilingNumber)
    root.read("Reason", into: &packet, \.reason, \.$reason) { $0.rawText }
    packet.effectiveOn = root.date("EffectiveOn")
    packet.addUnits = root.child("AddUnits")?.children("Unit").map(unit) ?? []
    packet.retireUnits = root.child("RetireUnits")?.children("Retire").map { element in
      var retirement = UnitRetirement()
      element.read("UnitRef", into: &retirement, \.unitRef, \.$unitRef)
      retirement.reason = element.string("Reason") ?? ""
      retirement.node = element.node
      return retirement
    } ?? []
    packet.replaceProofs = root.child("ReplaceProofs")?.children("Replace").map { element in
      var replacement = ProofReplacement(replaces: "", proof: element.child("Proof").map(proof) ?? PropertyProof(id: ""))
      element.read("ProofRef", into: &replacement, \.replaces, \.$replaces)
      replacement.node = element.node
      return replacement
    } ?? []
    packet.addProofs = root.child("AddProofs")?.children("Proof").map(proof) ?? []
    packet.consents = root.child("ResidentialConsents")?.children("Consent").map(consent) ?? []
    packet.declaration = declaration(root.child("Declaration"))
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }

  static func withdrawal(_ root: Element) -> PreFilingWithdrawal {
    var packet = PreFilingWithdrawal(owner: root.child("Owner").map(party) ?? Party(name: "", identity: .uscc("", node: .none)))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    root.read("PreFilingNumber", into: &packet, \.preFilingNumber, \.$preFilingNumber)
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
    tenantElement?.read("USCC", into: &tenant, \.uscc, \.$uscc)
    tenant.entityType = tenantElement?.code("EntityType", as: EntityType.self) ?? .other
    tenant.contact = contact(tenantElement?.child("Contact"))
    tenant.node = tenantElement?.node ?? .none
    var packet = TenantRegistration(tenant: tenant, agreement: agreement(root.child("EntryAgreement")))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    root.read("PreFilingNumber", into: &packet, \.preFilingNumber, \.$preFilingNumber)
    root.read("UnitRef", into: &packet, \.unitRef, \.$unitRef)
    root.read("IntendedActivity", into: &packet, \.activity, \.$activity)
    packet.activityDescription = root.string("ActivityDescription")
    packet.signature = signature(root.child("Signature"))
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }
}

/// A located value as a pair, for assigning a value and its place in one statement.
func destructure<T>(_ located: Located<T>) -> (T, NodeRef) { (located.wrappedValue, located.projectedValue) }
