import OneWindowCore
import OneWindowXML

extension PacketMapper {
  // MARK: - Restaurant structures

  static func operatorInfo(_ element: Element?) -> Operator {
    var info = Operator(document: idDocument(element?.child("IdDocument")))
    guard let element else { return info }
    info.name = element.string("Name") ?? ""
    info.residence = element.string("Residence") ?? ""
    info.phone = element.string("Phone") ?? ""
    info.node = element.node
    return info
  }

  static func businessName(_ element: Element?) -> BusinessName {
    var name = BusinessName()
    guard let element else { return name }
    element.read("FullName", into: &name, \.fullName, \.$fullName)
    element.read("Division", into: &name, \.division, \.$division)
    element.read("TradeName", into: &name, \.tradeName, \.$tradeName)
    name.industry = element.string("Industry") ?? ""
    element.read("OrganisationForm", into: &name, \.organisationForm, \.$organisationForm)
    name.node = element.node
    return name
  }

  static func premises(_ element: Element?) -> RestaurantPremises {
    if let element = element?.child("PreFiled") {
      var preFiled = PreFiledPremises(preFilingNumber: "", unitRef: "", agreement: agreement(element.child("EntryAgreement")))
      element.read("PreFilingNumber", into: &preFiled, \.preFilingNumber, \.$preFilingNumber)
      element.read("UnitRef", into: &preFiled, \.unitRef, \.$unitRef)
      preFiled.node = element.node
      return .preFiled(preFiled)
    }
    var declared = DeclaredPremises()
    guard let element = element?.child("Declared") else { return .declared(declared) }
    declared.address = address(element.child("Address"))
    declared.floor = element.string("Floor")
    declared.room = element.string("Room")
    element.read("PlannedUse", into: &declared, \.plannedUse, \.$plannedUse)
    element.read("Area", into: &declared, \.area, \.$area) { Double($0.text) }
    declared.features = features(element.child("Features"))
    declared.proofs = element.children("Proof").map { proof in
      var item = PremisesProof()
      item.type = proof.code("Type", as: PropertyProofType.self) ?? .other
      item.number = proof.string("Number") ?? ""
      item.issuer = proof.string("Issuer") ?? ""
      item.issuedOn = proof.date("IssuedOn")
      item.plannedUse = proof.code("PlannedUse", as: PlannedUse.self) ?? .other
      item.material = materialRef(proof.child("MaterialRef"))
      item.node = proof.node
      return item
    }
    declared.lease = element.child("Lease").map(agreement)
    declared.consent = element.child("ResidentialConsent").map(consent)
    declared.node = element.node
    return .declared(declared)
  }

  static func scope(_ element: Element?) -> BusinessScope {
    var scope = BusinessScope()
    guard let element else { return scope }
    func items(_ list: Element?) -> [ScopeItem] {
      list?.children("Item").map { ScopeItem(text: $0.text, code: $0.attribute("code"), node: $0.node) } ?? []
    }
    scope.licensed = items(element.child("Licensed"))
    scope.general = items(element.child("General"))
    scope.node = element.node
    return scope
  }

  static func core(_ root: Element) -> RestaurantCore {
    var core = RestaurantCore(operatorInfo: operatorInfo(root.child("Operator")), premises: premises(root.child("Premises")))
    root.read("CompositionForm", into: &core, \.compositionForm, \.$compositionForm)
    core.familyMembers = root.child("FamilyMembers")?.children("Member").map { member in
      var item = FamilyMember(document: idDocument(member.child("IdDocument")))
      item.name = member.string("Name") ?? ""
      item.relationship = member.string("Relationship") ?? ""
      item.node = member.node
      return item
    } ?? []
    core.name = businessName(root.child("BusinessName"))
    core.scope = scope(root.child("BusinessScope"))
    core.contact = contact(root.child("Contact"))
    return core
  }

  static func businessPart(_ element: Element?) -> BusinessLicencePart {
    var part = BusinessLicencePart()
    guard let element else { return part }
    part.fundsAmount = element.double("FundsAmount")
    part.employees = element.int("Employees")
    part.liaison = element.child("Liaison").map(contact)
    part.node = element.node
    return part
  }

  static func foodItems(_ element: Element?) -> [FoodItemEntry] {
    element?.children("Item").compactMap { item in
      guard let code = item.locatedAttribute("code"), let food = FoodItem(rawValue: code.wrappedValue) else { return nil }
      var entry = FoodItemEntry(item: food, notes: item.children("Note").compactMap { FoodItemNote(rawValue: $0.text) }, node: item.node)
      entry.$item = code.projectedValue
      return entry
    } ?? []
  }

  static func spaces(_ element: Element?) -> [DedicatedSpace] {
    element?.children("Space").map { space in
      var item = DedicatedSpace(
        kind: space.code("Kind", as: DedicatedSpaceKind.self) ?? .area,
        purpose: space.code("Purpose", as: DedicatedSpacePurpose.self) ?? .serving)
      item.area = space.double("Area") ?? 0
      item.node = space.node
      return item
    } ?? []
  }

  static func manager(_ element: Element?) -> FoodSafetyManager {
    var manager = FoodSafetyManager()
    guard let element else { return manager }
    manager.name = element.string("Name") ?? ""
    manager.phone = element.string("Phone") ?? ""
    manager.trainingCertificate = element.string("TrainingCertificate")
    manager.node = element.node
    return manager
  }

  static func staff(_ element: Element?) -> [StaffMember] {
    element?.children("Member").map { member in
      var item = StaffMember()
      item.name = member.string("Name") ?? ""
      item.document = member.child("IdDocument").map { idDocument($0) }
      item.role = member.code("Role", as: StaffRole.self) ?? .other
      if let health = member.child("HealthCertificate") {
        item.health.number = health.string("Number") ?? ""
        item.health.issuer = health.string("Issuer") ?? ""
        health.read("IssuedOn", into: &item.health, \.issuedOn, \.$issuedOn)
        health.read("ValidUntil", into: &item.health, \.validUntil, \.$validUntil)
        item.health.material = health.child("MaterialRef").map(materialRef)
        item.health.node = health.node
      }
      item.node = member.node
      return item
    } ?? []
  }

  static func foodPart(_ element: Element?) -> FoodLicencePart {
    var part = FoodLicencePart()
    guard let element else { return part }
    element.read("OperatorCategory", into: &part, \.category, \.$category)
    part.cateringSubtype = element.code("CateringSubtype", as: CateringSubtype.self)
    part.categoryNotes = element.children("CategoryNote").compactMap { note in
      OperatorCategoryNote(rawValue: note.text).map { CategoryNoteEntry(note: $0, node: note.node) }
    }
    let items = element.child("Items")
    part.items = foodItems(items)
    part.itemsNode = items?.node ?? element.node
    element.read("OperatingArea", into: &part, \.operatingArea, \.$operatingArea) { Double($0.text) }
    part.dedicatedSpaces = spaces(element.child("DedicatedSpaces"))
    part.manager = manager(element.child("FoodSafetyManager"))
    part.staff = staff(element.child("Staff"))
    part.layoutPlan = materialRef(element.child("LayoutPlanRef"))
    part.equipmentList = materialRef(element.child("EquipmentListRef"))
    part.safetyRules = materialRef(element.child("SafetyRulesRef"))
    part.node = element.node
    return part
  }

  static func currentLicences(_ element: Element?) -> CurrentLicences {
    var current = CurrentLicences()
    guard let element else { return current }
    element.read("USCC", into: &current, \.uscc, \.$uscc)
    element.read("FoodLicenceNumber", into: &current, \.foodLicenceNumber, \.$foodLicenceNumber)
    current.bundleNumber = element.string("BundleNumber")
    current.node = element.node
    return current
  }

  static func agent(_ element: Element?) -> Agent? {
    guard let element else { return nil }
    var agent = Agent(document: idDocument(element.child("IdDocument")))
    agent.name = element.string("Name") ?? ""
    agent.powerOfAttorney = materialRef(element.child("PowerOfAttorneyRef"))
    agent.node = element.node
    return agent
  }

  // MARK: - Restaurant families

  static func opening(_ root: Element) -> RestaurantOpening {
    var packet = RestaurantOpening(core: core(root))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    packet.agent = agent(root.child("Agent"))
    packet.business = businessPart(root.child("BusinessLicence"))
    packet.food = foodPart(root.child("FoodLicence"))
    packet.declaration = signature(root.child("Declaration"))
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }

  static func change(_ root: Element) -> RestaurantChange {
    var packet = RestaurantChange(operatorPerson: root.child("Operator").map(person)
      ?? Person(name: "", document: IdDocument(type: .residentId, number: "")))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    packet.current = currentLicences(root.child("CurrentLicences"))
    packet.registeredName = root.string("BusinessName") ?? ""
    root.read("ChangedFields", into: &packet, \.changedFields, \.$changedFields) { fields in
      fields.view.children("Field").compactMap { ChangeField(rawValue: collapse($0.text)) }
    }
    if let changes = root.child("Changes") {
      var values = RestaurantChanges()
      for child in changes.children {
        switch child.name {
        case "BusinessName":
          values.name = businessName(child)
          values.nodes[.name] = child.node
        case "Operator":
          values.operatorInfo = operatorInfo(child)
          values.nodes[.operator] = child.node
        case "OperatorResidence":
          values.operatorResidence = collapse(child.text)
          values.nodes[.operatorResidence] = child.node
        case "CompositionForm":
          values.compositionForm = CompositionForm(rawValue: child.text)
          values.nodes[.compositionForm] = child.node
        case "Premises":
          values.premises = premises(child)
          values.nodes[.premises] = child.node
        case "BusinessScope":
          values.scope = scope(child)
          values.nodes[.businessScope] = child.node
        case "FoodItems":
          values.foodItems = foodItems(child)
          values.nodes[.foodItems] = child.node
        case "OperatingArea":
          values.operatingArea = Double(child.text)
          values.nodes[.operatingArea] = child.node
        case "DedicatedSpaces":
          values.dedicatedSpaces = spaces(child)
          values.nodes[.dedicatedSpaces] = child.node
        case "LayoutPlanRef", "EquipmentListRef":
          if child.name == "LayoutPlanRef" { values.layoutPlan = materialRef(child) }
          if values.nodes[.layout] == nil { values.nodes[.layout] = child.node }
        case "FoodSafetyManager":
          values.manager = manager(child)
          values.nodes[.foodSafetyManager] = child.node
        case "Staff":
          values.staff = staff(child)
          values.nodes[.staff] = child.node
        case "Contact":
          values.contact = contact(child)
          values.nodes[.contact] = child.node
        case "FundsAmount":
          values.fundsAmount = Double(child.text)
          values.nodes[.fundsAmount] = child.node
        case "Employees":
          values.employees = Int(child.text)
          values.nodes[.employees] = child.node
        default: break
        }
      }
      values.node = changes.node
      packet.changes = values
    }
    root.read("ChangedOn", into: &packet, \.changedOn, \.$changedOn)
    packet.declaration = signature(root.child("Declaration"))
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }

  static func cancellation(_ root: Element) -> RestaurantCancellation {
    var packet = RestaurantCancellation(operatorPerson: root.child("Operator").map(person)
      ?? Person(name: "", document: IdDocument(type: .residentId, number: "")))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    packet.current = currentLicences(root.child("CurrentLicences"))
    packet.registeredName = root.string("BusinessName") ?? ""
    packet.reason = root.code("Reason", as: CancellationReason.self) ?? .other
    packet.reasonText = root.string("ReasonText")
    root.read("CeasedOn", into: &packet, \.ceasedOn, \.$ceasedOn)
    root.read("Simplified", into: &packet, \.simplified, \.$simplified) { $0.text == "true" || $0.text == "1" }
    if let status = root.child("Status") {
      packet.status.inAbnormalOperationList = status.bool("InAbnormalOperationList") ?? false
      packet.status.pendingCases = status.bool("PendingCases") ?? false
      packet.status.unpaidFines = status.bool("UnpaidFines") ?? false
      packet.status.frozenOrPledged = status.bool("FrozenOrPledged") ?? false
      let flag: (PacketElement) -> Bool?? = { element in Optional(element.text == "true" || element.text == "1") }
      status.read("OnSeriousDishonestyList", into: &packet.status, \.onSeriousDishonestyList, \.$onSeriousDishonestyList, flag)
      status.read("RevokedClosedOrCancelled", into: &packet.status, \.revokedClosedOrCancelled, \.$revokedClosedOrCancelled, flag)
      packet.status.node = status.node
    }
    packet.taxClearance = root.child("TaxClearanceRef").map(materialRef)
    packet.returnedLicence = root.child("ReturnedLicenceRef").map(materialRef)
    packet.declaration = signature(root.child("Declaration"))
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }

  static func businessApplication(_ root: Element) -> BusinessLicenceApplication {
    var packet = BusinessLicenceApplication(core: core(root))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    packet.bundleNumber = root.string("BundleNumber")
    packet.agent = agent(root.child("Agent"))
    packet.business = businessPart(root.child("BusinessLicence"))
    packet.declaration = signature(root.child("Declaration"))
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }

  static func foodApplication(_ root: Element) -> FoodLicenceApplication {
    var packet = FoodLicenceApplication(core: core(root))
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    root.read("BundleNumber", into: &packet, \.bundleNumber, \.$bundleNumber)
    packet.agent = agent(root.child("Agent"))
    packet.uscc = root.string("USCC")
    packet.food = foodPart(root.child("FoodLicence"))
    packet.declaration = signature(root.child("Declaration"))
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }

  static func decision(_ root: Element) -> ReviewDecision {
    let subject: DecisionSubject
    if let number = root.string("PreFilingNumber") {
      subject = .preFiling(number)
    } else if let receipt = root.string("SubmissionReceipt") {
      subject = .submission(receipt)
    } else {
      subject = .bundleTrack(root.string("BundleNumber") ?? "", root.code("Track", as: Track.self) ?? .business)
    }
    let clerk = root.child("Clerk")
    var packet = ReviewDecision(subject: subject, decision: .approve, clerk: clerk?.string("StaffNumber") ?? "")
    root.read("Decision", into: &packet, \.decision, \.$decision)
    packet.header = root.child("Header").map(header) ?? PacketHeader()
    packet.clerkName = clerk?.string("Name")
    root.read("DecidedOn", into: &packet, \.decidedOn, \.$decidedOn)
    packet.reasons = root.child("Reasons")?.children("Reason").map {
      DecisionReason(ruleRef: $0.string("RuleRef"), text: $0.child("Text")?.rawText ?? "")
    } ?? []
    if let validity = root.child("Validity") {
      packet.validFrom = validity.date("ValidFrom")
      validity.read("ValidUntil", into: &packet, \.validUntil, \.$validUntil)
    }
    if let inspection = root.child("Inspection") {
      var record = Inspection()
      inspection.read("InspectedOn", into: &record, \.inspectedOn, \.$inspectedOn)
      inspection.read("Inspectors", into: &record, \.inspectors, \.$inspectors) { inspectors in
        inspectors.children("Inspector").map {
          Inspector(staffNumber: $0.string("StaffNumber") ?? "", name: $0.string("Name") ?? "")
        }
      }
      inspection.read("Result", into: &record, \.result, \.$result)
      record.notes = inspection.child("Notes")?.rawText
      record.node = inspection.node
      packet.inspection = record
    }
    (packet.materials, packet.$materials) = destructure(materials(root.child("Materials")))
    packet.node = root.node
    return packet
  }
}
