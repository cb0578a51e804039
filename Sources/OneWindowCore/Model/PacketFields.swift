/// Cross-family views of a packet, so a rule can look at "every USCC" or "every entry agreement"
/// without knowing each family's layout.
extension Packet {
  /// A USCC value and where it stands.
  public struct USCCField: Sendable, Hashable {
    public var code: String
    public var node: NodeRef
  }

  /// Every 统一社会信用代码 in the packet.
  public var usccFields: [USCCField] {
    var fields: [USCCField] = []
    func add(_ identity: PartyIdentity) {
      if case .uscc(let code, let node) = identity { fields.append(USCCField(code: code, node: node)) }
    }
    func add(_ premises: RestaurantPremises?) {
      if let agreement = premises?.agreement { add(agreement.lessor.identity) }
    }
    switch self {
    case .preFiling(let packet): add(packet.owner.identity)
    case .amendment(let packet): add(packet.owner.identity)
    case .withdrawal(let packet): add(packet.owner.identity)
    case .registration(let packet):
      if let uscc = packet.tenant.uscc { fields.append(USCCField(code: uscc, node: packet.tenant.$uscc)) }
      add(packet.agreement.lessor.identity)
    case .opening(let packet): add(packet.core.premises)
    case .businessApplication(let packet): add(packet.core.premises)
    case .foodApplication(let packet):
      add(packet.core.premises)
      if let uscc = packet.uscc { fields.append(USCCField(code: uscc, node: packet.core.contact.node)) }
    case .change(let packet):
      fields.append(USCCField(code: packet.current.uscc, node: packet.current.$uscc))
      add(packet.changes.premises)
    case .cancellation(let packet):
      fields.append(USCCField(code: packet.current.uscc, node: packet.current.$uscc))
    case .issuance(let packet):
      for (code, node) in [(packet.businessLicenceUSCC, packet.$businessLicenceUSCC), (packet.foodLicenceUSCC, packet.$foodLicenceUSCC)]
      where !code.isEmpty {
        fields.append(USCCField(code: code, node: node))
      }
    case .tradeBundle(let packet):
      for licence in packet.current where licence.track == .business {
        fields.append(USCCField(code: licence.number, node: licence.node))
      }
    case .decision, .other: break
    }
    return fields
  }

  /// Every identity document of a natural person in the packet.
  public var identityDocuments: [IdDocument] {
    var documents: [IdDocument] = []
    func add(_ identity: PartyIdentity) {
      if case .document(let document) = identity { documents.append(document) }
    }
    func add(_ premises: RestaurantPremises?) {
      if let agreement = premises?.agreement { add(agreement.lessor.identity) }
    }
    func add(_ core: RestaurantCore) {
      documents.append(core.operatorInfo.document)
      documents.append(contentsOf: core.familyMembers.map(\.document))
      add(core.premises)
    }
    func add(_ staff: [StaffMember]) { documents.append(contentsOf: staff.compactMap(\.document)) }
    switch self {
    case .preFiling(let packet): add(packet.owner.identity)
    case .amendment(let packet): add(packet.owner.identity)
    case .withdrawal(let packet): add(packet.owner.identity)
    case .registration(let packet):
      documents.append(packet.tenant.representative.document)
      add(packet.agreement.lessor.identity)
    case .opening(let packet):
      add(packet.core)
      if let agent = packet.agent { documents.append(agent.document) }
      add(packet.food.staff)
    case .businessApplication(let packet):
      add(packet.core)
      if let agent = packet.agent { documents.append(agent.document) }
    case .foodApplication(let packet):
      add(packet.core)
      if let agent = packet.agent { documents.append(agent.document) }
      add(packet.food.staff)
    case .change(let packet):
      documents.append(packet.operatorPerson.document)
      if let newOperator = packet.changes.operatorInfo { documents.append(newOperator.document) }
      add(packet.changes.premises)
      add(packet.changes.staff ?? [])
    case .cancellation(let packet): documents.append(packet.operatorPerson.document)
    case .decision, .issuance, .tradeBundle, .other: break
    }
    return documents
  }

  /// The operator of a restaurant packet (new operator of a change when it changes).
  public var restaurantOperator: Operator? {
    switch self {
    case .opening(let packet): packet.core.operatorInfo
    case .businessApplication(let packet): packet.core.operatorInfo
    case .foodApplication(let packet): packet.core.operatorInfo
    case .change(let packet): packet.changes.operatorInfo
    default: nil
    }
  }

  /// The restaurant core of an opening or per-track application.
  public var restaurantCore: RestaurantCore? {
    switch self {
    case .opening(let packet): packet.core
    case .businessApplication(let packet): packet.core
    case .foodApplication(let packet): packet.core
    default: nil
    }
  }

  /// Business names the packet proposes (an opening's, or a change's new name).
  public var businessNames: [BusinessName] {
    switch self {
    case .opening(let packet): [packet.core.name]
    case .businessApplication(let packet): [packet.core.name]
    case .foodApplication(let packet): [packet.core.name]
    case .change(let packet): packet.changes.name.map { [$0] } ?? []
    default: []
    }
  }

  /// The business scope the packet proposes.
  public var businessScope: BusinessScope? {
    switch self {
    case .opening(let packet): packet.core.scope
    case .businessApplication(let packet): packet.core.scope
    case .foodApplication(let packet): packet.core.scope
    case .change(let packet): packet.changes.scope
    default: nil
    }
  }

  /// The premises the packet proposes for a restaurant.
  public var restaurantPremises: RestaurantPremises? {
    switch self {
    case .opening(let packet): packet.core.premises
    case .businessApplication(let packet): packet.core.premises
    case .foodApplication(let packet): packet.core.premises
    case .change(let packet): packet.changes.premises
    default: nil
    }
  }

  /// The food-licence view of the packet: an opening's or food application's food part, or
  /// the food items and spaces a change proposes.
  public var foodView: FoodView? {
    switch self {
    case .opening(let packet): return FoodView(packet.food)
    case .foodApplication(let packet): return FoodView(packet.food)
    case .change(let packet):
      guard let items = packet.changes.foodItems else { return nil }
      return FoodView(
        category: nil, cateringSubtype: nil, items: items,
        itemsNode: packet.changes.nodes[.foodItems] ?? packet.changes.node,
        spaces: packet.changes.dedicatedSpaces ?? [], operatingArea: packet.changes.operatingArea,
        staff: packet.changes.staff ?? [], manager: packet.changes.manager, node: packet.changes.node)
        .located(operatingArea: packet.changes.nodes[.operatingArea] ?? .none)
    default: return nil
    }
  }

  /// Every entry agreement or lease, with the applicant who should be its lessee.
  public var agreements: [(agreement: EntryAgreement, applicants: [String])] {
    func applicants(_ core: RestaurantCore) -> [String] { [core.operatorInfo.name, core.name.fullName] }
    switch self {
    case .registration(let packet): return [(packet.agreement, [packet.tenant.name])]
    case .opening(let packet): return packet.core.premises.agreement.map { [($0, applicants(packet.core))] } ?? []
    case .businessApplication(let packet): return packet.core.premises.agreement.map { [($0, applicants(packet.core))] } ?? []
    case .foodApplication(let packet): return packet.core.premises.agreement.map { [($0, applicants(packet.core))] } ?? []
    case .change(let packet):
      guard let agreement = packet.changes.premises?.agreement else { return [] }
      let names = [packet.changes.operatorInfo?.name ?? packet.operatorPerson.name,
                   packet.changes.name?.fullName ?? packet.registeredName]
      return [(agreement, names)]
    default: return []
    }
  }

  /// A reference to a pre-filed unit and the activity intended there.
  public struct PreFiledUse: Sendable, Hashable {
    @Located public var preFilingNumber = ""
    @Located public var unitRef = ""
    public var agreement: EntryAgreement
    public var activity: Activity
    /// The element naming the unit: the registration itself, or the premises' `PreFiled`.
    public var node: NodeRef
  }

  /// The pre-filed unit the packet wants to use, if any.
  public var preFiledUse: PreFiledUse? {
    func use(_ premises: RestaurantPremises?, activity: Activity) -> PreFiledUse? {
      guard case .preFiled(let preFiled)? = premises else { return nil }
      var use = PreFiledUse(agreement: preFiled.agreement, activity: activity, node: preFiled.node)
      use.preFilingNumber = preFiled.preFilingNumber
      use.$preFilingNumber = preFiled.$preFilingNumber
      use.unitRef = preFiled.unitRef
      use.$unitRef = preFiled.$unitRef
      return use
    }
    switch self {
    case .registration(let packet):
      var use = PreFiledUse(agreement: packet.agreement, activity: packet.activity, node: packet.node)
      use.preFilingNumber = packet.preFilingNumber
      use.$preFilingNumber = packet.$preFilingNumber
      use.unitRef = packet.unitRef
      use.$unitRef = packet.$unitRef
      return use
    case .opening(let packet):
      return use(packet.core.premises, activity: packet.food.category == .foodSales ? .retail : .catering)
    case .businessApplication(let packet): return use(packet.core.premises, activity: .catering)
    case .foodApplication(let packet):
      return use(packet.core.premises, activity: packet.food.category == .foodSales ? .retail : .catering)
    case .change(let packet): return use(packet.changes.premises, activity: .catering)
    default: return nil
    }
  }

  /// Premises declared with a full address (not pre-filed).
  public var declaredPremises: DeclaredPremises? {
    if case .declared(let declared)? = restaurantPremises { return declared }
    return nil
  }

  /// Addresses the packet registers (pre-filed premises, declared restaurant premises).
  public var addresses: [Address] {
    switch self {
    case .preFiling(let packet): [packet.premises.address]
    default: declaredPremises.map { [$0.address] } ?? []
    }
  }

  /// A date written in the packet and where.
  public struct DateField: Sendable, Hashable {
    public var date: CivilDate
    /// The date's own element (or, for `CreatedAt`, the header).
    public var node: NodeRef
  }

  /// Dates that record something already done (signing, issuing, creating the packet).
  public var pastDates: [DateField] {
    var dates: [DateField] = []
    func add(_ date: CivilDate?, _ node: NodeRef) {
      if let date { dates.append(DateField(date: date, node: node)) }
    }
    if let header { add(header.createdOn, header.$createdOn) }
    for material in materials { add(material.issuedOn, material.$issuedOn) }
    for (agreement, _) in agreements { add(agreement.signedOn, agreement.$signedOn) }
    switch self {
    case .preFiling(let packet):
      add(packet.declaration.signedOn, packet.declaration.$signedOn)
      for proof in packet.proofs { add(proof.issuedOn, proof.$issuedOn) }
      for step in packet.consolidation { add(step.confirmedOn, step.$confirmedOn) }
    case .amendment(let packet):
      add(packet.declaration.signedOn, packet.declaration.$signedOn)
      for proof in packet.addProofs + packet.replaceProofs.map(\.proof) { add(proof.issuedOn, proof.$issuedOn) }
    case .withdrawal(let packet): add(packet.signature.signedOn, packet.signature.$signedOn)
    case .registration(let packet): add(packet.signature.signedOn, packet.signature.$signedOn)
    case .opening(let packet):
      add(packet.declaration.signedOn, packet.declaration.$signedOn)
      for member in packet.food.staff { add(member.health.issuedOn, member.health.$issuedOn) }
    case .foodApplication(let packet):
      add(packet.declaration.signedOn, packet.declaration.$signedOn)
      for member in packet.food.staff { add(member.health.issuedOn, member.health.$issuedOn) }
    case .businessApplication(let packet): add(packet.declaration.signedOn, packet.declaration.$signedOn)
    case .change(let packet):
      add(packet.declaration.signedOn, packet.declaration.$signedOn)
      add(packet.changedOn, packet.$changedOn)
    case .cancellation(let packet):
      add(packet.declaration.signedOn, packet.declaration.$signedOn)
      add(packet.ceasedOn, packet.$ceasedOn)
    case .decision(let packet):
      add(packet.decidedOn, packet.$decidedOn)
      if let inspection = packet.inspection { add(inspection.inspectedOn, inspection.$inspectedOn) }
    case .issuance, .tradeBundle, .other: break
    }
    return dates
  }

  /// Every reference to a material, with the kinds it may point at.
  public var materialReferences: [(reference: MaterialRef, kinds: [MaterialKind])] {
    var references: [(MaterialRef, [MaterialKind])] = []
    let proofKinds: [MaterialKind] = [.propertyProof]
    let agreementKinds: [MaterialKind] = [.entryAgreement, .lease]
    func add(_ premises: RestaurantPremises?) {
      guard let premises else { return }
      switch premises {
      case .preFiled(let preFiled): references.append((preFiled.agreement.material, agreementKinds))
      case .declared(let declared):
        for proof in declared.proofs { references.append((proof.material, proofKinds)) }
        if let lease = declared.lease { references.append((lease.material, agreementKinds)) }
        if let consent = declared.consent { references.append((consent.material, [.residentialConsent])) }
      }
    }
    func add(_ food: FoodLicencePart) {
      references.append((food.layoutPlan, [.layoutPlan]))
      references.append((food.equipmentList, [.equipmentList]))
      references.append((food.safetyRules, [.foodSafetyRules]))
      for member in food.staff {
        if let material = member.health.material { references.append((material, [.healthCertificate])) }
      }
    }
    switch self {
    case .preFiling(let packet):
      for proof in packet.proofs { references.append((proof.material, proofKinds)) }
      for consent in packet.consents { references.append((consent.material, [.residentialConsent])) }
      for step in packet.consolidation {
        if let material = step.material { references.append((material, [.consolidationNote])) }
      }
    case .amendment(let packet):
      for proof in packet.addProofs + packet.replaceProofs.map(\.proof) { references.append((proof.material, proofKinds)) }
      for consent in packet.consents { references.append((consent.material, [.residentialConsent])) }
    case .registration(let packet): references.append((packet.agreement.material, agreementKinds))
    case .opening(let packet):
      add(packet.core.premises)
      add(packet.food)
      if let agent = packet.agent { references.append((agent.powerOfAttorney, [.powerOfAttorney])) }
    case .businessApplication(let packet):
      add(packet.core.premises)
      if let agent = packet.agent { references.append((agent.powerOfAttorney, [.powerOfAttorney])) }
    case .foodApplication(let packet):
      add(packet.core.premises)
      add(packet.food)
      if let agent = packet.agent { references.append((agent.powerOfAttorney, [.powerOfAttorney])) }
    case .change(let packet):
      add(packet.changes.premises)
      if let layout = packet.changes.layoutPlan { references.append((layout, [.layoutPlan])) }
      for member in packet.changes.staff ?? [] {
        if let material = member.health.material { references.append((material, [.healthCertificate])) }
      }
    case .cancellation(let packet):
      if let tax = packet.taxClearance { references.append((tax, [.taxClearance])) }
      if let returned = packet.returnedLicence { references.append((returned, [.returnedLicence])) }
    case .withdrawal, .decision, .issuance, .tradeBundle, .other: break
    }
    return references
  }
}

/// The food-licence facts of a packet, whichever family it is.
public struct FoodView: Sendable, Hashable {
  /// nil for a change, whose category is the registered one.
  @Located public var category: OperatorCategory? = nil
  public var cateringSubtype: CateringSubtype?
  /// The bracket notes after the category; empty for a change.
  public var categoryNotes: [CategoryNoteEntry] = []
  public var items: [FoodItemEntry]
  public var itemsNode: NodeRef
  public var spaces: [DedicatedSpace]
  @Located public var operatingArea: Double? = nil
  public var staff: [StaffMember]
  public var manager: FoodSafetyManager?
  public var node: NodeRef

  public init(
    category: OperatorCategory?, cateringSubtype: CateringSubtype?, items: [FoodItemEntry],
    itemsNode: NodeRef, spaces: [DedicatedSpace], operatingArea: Double?, staff: [StaffMember],
    manager: FoodSafetyManager?, node: NodeRef
  ) {
    self.category = category
    self.cateringSubtype = cateringSubtype
    self.items = items
    self.itemsNode = itemsNode
    self.spaces = spaces
    self.operatingArea = operatingArea
    self.staff = staff
    self.manager = manager
    self.node = node
  }

  init(_ part: FoodLicencePart) {
    self.init(
      category: part.category, cateringSubtype: part.cateringSubtype, items: part.items,
      itemsNode: part.itemsNode, spaces: part.dedicatedSpaces, operatingArea: part.operatingArea,
      staff: part.staff, manager: part.manager, node: part.node)
    $category = part.$category
    $operatingArea = part.$operatingArea
    categoryNotes = part.categoryNotes
  }

  /// Whether any item is prepared on the premises (catering items).
  public var hasPreparedFood: Bool {
    items.contains { $0.item.isPrepared }
  }
}

extension FoodView {
  /// This view with its operating area placed at `node`.
  func located(operatingArea node: NodeRef) -> FoodView {
    var view = self
    view.$operatingArea = node
    return view
  }
}
