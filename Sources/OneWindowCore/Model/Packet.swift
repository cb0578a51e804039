/// The kinds of packet, one per root element.
public enum PacketKind: String, Sendable, Hashable, Codable, CaseIterable {
  case preFiling = "AddressPreFiling"
  case preFilingAmendment = "PreFilingAmendment"
  case preFilingWithdrawal = "PreFilingWithdrawal"
  case tenantRegistration = "TenantRegistration"
  case restaurantOpening = "RestaurantOpening"
  case restaurantChange = "RestaurantChange"
  case restaurantCancellation = "RestaurantCancellation"
  case businessLicenceApplication = "BusinessLicenceApplication"
  case foodLicenceApplication = "FoodLicenceApplication"
  case reviewDecision = "ReviewDecision"
  case issuance = "Issuance"
  case receipt = "Receipt"
  case validationReport = "ValidationReport"
  case replayScenario = "ReplayScenario"
  /// The generic bundle family of the definitions in `Data/bundles/` (bookshop, hotel…).
  case tradeBundle = "TradeBundle"

  /// The packet kinds business rules may apply to (what applicants and owners send).
  /// The filings and the `Issuance` packets OneWindow writes: what identifier rules check.
  public static var identified: Set<PacketKind> { filings.union([.issuance]) }

  public static let filings: Set<PacketKind> = [
    .preFiling, .preFilingAmendment, .preFilingWithdrawal, .tenantRegistration, .restaurantOpening,
    .restaurantChange, .restaurantCancellation, .businessLicenceApplication, .foodLicenceApplication,
    .reviewDecision, .tradeBundle,
  ]

  /// The bundle families: the restaurant's three and the generic one of the other definitions.
  public static let bundles: Set<PacketKind> = [.restaurantOpening, .restaurantChange, .restaurantCancellation, .tradeBundle]
}

/// A schema-valid packet as typed values.
public enum Packet: Sendable, Hashable {
  case preFiling(PreFiling)
  case amendment(PreFilingAmendment)
  case withdrawal(PreFilingWithdrawal)
  case registration(TenantRegistration)
  case opening(RestaurantOpening)
  case change(RestaurantChange)
  case cancellation(RestaurantCancellation)
  case businessApplication(BusinessLicenceApplication)
  case foodApplication(FoodLicenceApplication)
  case decision(ReviewDecision)
  /// The certificates OneWindow issued (its identifiers are checked like a filing's).
  case issuance(IssuedCertificates)
  /// A generic bundle of a definition in `Data/bundles/`.
  case tradeBundle(TradeBundlePacket)
  /// A packet the rules do not look into (receipt, report, scenario).
  case other(PacketKind, header: PacketHeader?)

  public var kind: PacketKind {
    switch self {
    case .preFiling: .preFiling
    case .amendment: .preFilingAmendment
    case .withdrawal: .preFilingWithdrawal
    case .registration: .tenantRegistration
    case .opening: .restaurantOpening
    case .change: .restaurantChange
    case .cancellation: .restaurantCancellation
    case .businessApplication: .businessLicenceApplication
    case .foodApplication: .foodLicenceApplication
    case .decision: .reviewDecision
    case .issuance: .issuance
    case .tradeBundle: .tradeBundle
    case .other(let kind, _): kind
    }
  }

  public var header: PacketHeader? {
    switch self {
    case .preFiling(let packet): packet.header
    case .amendment(let packet): packet.header
    case .withdrawal(let packet): packet.header
    case .registration(let packet): packet.header
    case .opening(let packet): packet.header
    case .change(let packet): packet.header
    case .cancellation(let packet): packet.header
    case .businessApplication(let packet): packet.header
    case .foodApplication(let packet): packet.header
    case .decision(let packet): packet.header
    case .issuance(let packet): packet.header
    case .tradeBundle(let packet): packet.header
    case .other(_, let header): header
    }
  }

  /// The `Materials` element, ``NodeRef/none`` for packets without one.
  public var materialsNode: NodeRef {
    switch self {
    case .preFiling(let packet): packet.$materials
    case .amendment(let packet): packet.$materials
    case .registration(let packet): packet.$materials
    case .opening(let packet): packet.$materials
    case .change(let packet): packet.$materials
    case .cancellation(let packet): packet.$materials
    case .businessApplication(let packet): packet.$materials
    case .foodApplication(let packet): packet.$materials
    case .decision(let packet): packet.$materials
    case .tradeBundle(let packet): packet.materialsNode
    case .withdrawal, .issuance, .other: .none
    }
  }

  /// The materials manifest, empty for packets without one.
  public var materials: [Material] {
    switch self {
    case .preFiling(let packet): packet.materials
    case .amendment(let packet): packet.materials
    case .registration(let packet): packet.materials
    case .opening(let packet): packet.materials
    case .change(let packet): packet.materials
    case .cancellation(let packet): packet.materials
    case .businessApplication(let packet): packet.materials
    case .foodApplication(let packet): packet.materials
    case .decision(let packet): packet.materials
    case .withdrawal, .issuance, .tradeBundle, .other: []
    }
  }
}

/// A typed packet with the map from its references back to lines and paths.
public struct ParsedPacket: Sendable {
  public var packet: Packet
  public var sourceMap: SourceMap
  /// The packet's element (the root), for findings about the packet as a whole.
  public var root: NodeRef

  public init(packet: Packet, sourceMap: SourceMap, root: NodeRef) {
    self.packet = packet
    self.sourceMap = sourceMap
    self.root = root
  }
}
