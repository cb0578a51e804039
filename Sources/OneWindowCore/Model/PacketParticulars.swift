/// Who and what a packet concerns, as printed at the head of a report and on a receipt (回执):
/// the applicant, the business name, the premises and units.
public struct PacketParticulars: Sendable, Hashable, Codable {
  /// The owner, tenant or operator.
  public var applicantName: String?
  /// Their 统一社会信用代码 or identity document number.
  public var applicantIdentity: String?
  /// The business name (the 字号 name of an individual business), when the packet has one.
  public var businessName: String?
  /// The premises: its name and standard address, or the declared address.
  public var premises: String?
  /// The address pre-filing (`YBA-…`) whose units the packet uses or changes.
  public var preFilingNumber: String?
  /// The units concerned (pre-filed unit ids, or a declared address's floor and room).
  public var units: [String]?

  public init(
    applicantName: String? = nil, applicantIdentity: String? = nil, businessName: String? = nil,
    premises: String? = nil, preFilingNumber: String? = nil, units: [String]? = nil
  ) {
    self.applicantName = applicantName
    self.applicantIdentity = applicantIdentity
    self.businessName = businessName
    self.premises = premises
    self.preFilingNumber = preFilingNumber
    self.units = units
  }

  /// Whether nothing is known.
  public var isEmpty: Bool {
    applicantName == nil && applicantIdentity == nil && businessName == nil && premises == nil && preFilingNumber == nil
      && (units ?? []).isEmpty
  }

  /// What `packet` itself says: the applicant, the business name, the premises (or the
  /// pre-filing it uses) and units.
  public init(_ packet: Packet) {
    var particulars = Self()
    func applicant(_ name: String, _ identity: String) {
      particulars.applicantName = name
      particulars.applicantIdentity = identity
    }
    func premises(_ restaurant: RestaurantPremises) {
      switch restaurant {
      case .preFiled(let preFiled):
        particulars.preFilingNumber = preFiled.preFilingNumber
        particulars.units = [preFiled.unitRef]
      case .declared(let declared):
        particulars.premises = declared.address.singleLine
        particulars.units = [[declared.floor, declared.room].compactMap { $0 }.joined(separator: " ")]
      }
    }
    switch packet {
    case .preFiling(let filing):
      applicant(filing.owner.name, filing.owner.identity.number)
      particulars.premises = [filing.premises.name, filing.premises.address.singleLine].joined(separator: " ")
      particulars.units = filing.units.map(\.id)
    case .amendment(let amendment):
      applicant(amendment.owner.name, amendment.owner.identity.number)
      particulars.preFilingNumber = amendment.preFilingNumber
      particulars.units = amendment.addUnits.map(\.id) + amendment.retireUnits.map(\.unitRef)
    case .withdrawal(let withdrawal):
      applicant(withdrawal.owner.name, withdrawal.owner.identity.number)
      particulars.preFilingNumber = withdrawal.preFilingNumber
    case .registration(let registration):
      let tenant = registration.tenant
      applicant(tenant.name, tenant.uscc ?? tenant.representative.document.number)
      particulars.preFilingNumber = registration.preFilingNumber
      particulars.units = [registration.unitRef]
    case .opening(let opening):
      applicant(opening.core.operatorInfo.name, opening.core.operatorInfo.document.number)
      particulars.businessName = opening.core.name.fullName
      premises(opening.core.premises)
    case .change(let change):
      applicant(change.operatorPerson.name, change.operatorPerson.document.number)
      particulars.businessName = change.registeredName
      if let moved = change.changes.premises { premises(moved) }
    case .cancellation(let cancellation):
      applicant(cancellation.operatorPerson.name, cancellation.operatorPerson.document.number)
      particulars.businessName = cancellation.registeredName
    case .tradeBundle(let trade):
      applicant(trade.applicantName, trade.applicantIdentity)
      particulars.businessName = trade.name
      particulars.premises = trade.place
    default:
      break
    }
    self = particulars.normalised
  }

  /// Blank values dropped.
  public var normalised: Self {
    func clean(_ text: String?) -> String? {
      guard let text else { return nil }
      let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
      return trimmed.isEmpty ? nil : String(trimmed)
    }
    let units = (units ?? []).compactMap(clean)
    return Self(
      applicantName: clean(applicantName), applicantIdentity: clean(applicantIdentity),
      businessName: clean(businessName), premises: clean(premises), preFilingNumber: clean(preFilingNumber),
      units: units.isEmpty ? nil : units)
  }
}
