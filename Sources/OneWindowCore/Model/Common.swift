/// The header every packet carries.
public struct PacketHeader: Sendable, Hashable {
  /// The `SchemaVersion` of every packet of the v1 families.
  public static let schemaVersion = "1.0"

  public var packetID: String
  /// As written (`2026-03-02T09:30:00+08:00`).
  public var createdAt: String
  /// The date part of `createdAt`.
  @Located public var createdOn: CivilDate? = nil
  public var channel: Channel?
  /// The receipt of a rejected packet this one corrects.
  @Located public var resubmits: String? = nil
  public var node: NodeRef

  public init(
    packetID: String = "", createdAt: String = "", createdOn: CivilDate? = nil,
    channel: Channel? = nil, resubmits: String? = nil, node: NodeRef = .none
  ) {
    self.packetID = packetID
    self.createdAt = createdAt
    self.createdOn = createdOn
    self.channel = channel
    self.resubmits = resubmits
    self.node = node
  }
}

/// An identity document: type and number.
public struct IdDocument: Sendable, Hashable {
  public var type: IdDocumentType
  public var number: String
  public var node: NodeRef

  public init(type: IdDocumentType, number: String, node: NodeRef = .none) {
    self.type = type
    self.number = number
    self.node = node
  }
}

/// How a party is identified: a USCC for an organisation, a document for a person.
public enum PartyIdentity: Sendable, Hashable {
  case uscc(String, node: NodeRef)
  case document(IdDocument)

  /// The identifying number, whatever its kind.
  public var number: String {
    switch self {
    case .uscc(let code, _): code
    case .document(let document): document.number
    }
  }

  public var node: NodeRef {
    switch self {
    case .uscc(_, let node): node
    case .document(let document): document.node
    }
  }
}

/// A party: name and identity.
public struct Party: Sendable, Hashable {
  public var name: String
  public var identity: PartyIdentity
  public var node: NodeRef

  public init(name: String, identity: PartyIdentity, node: NodeRef = .none) {
    self.name = name
    self.identity = identity
    self.node = node
  }
}

/// A natural person: name and identity document.
public struct Person: Sendable, Hashable {
  public var name: String
  public var document: IdDocument
  public var node: NodeRef

  public init(name: String, document: IdDocument, node: NodeRef = .none) {
    self.name = name
    self.document = document
    self.node = node
  }
}

/// A contact: name and phone.
public struct Contact: Sendable, Hashable {
  public var name: String
  public var phone: String
  public var node: NodeRef

  public init(name: String = "", phone: String = "", node: NodeRef = .none) {
    self.name = name
    self.phone = phone
    self.node = node
  }
}

/// A standardised address.
public struct Address: Sendable, Hashable {
  public var province = ""
  public var city = ""
  @Located public var districtCode = ""
  @Located public var district = ""
  @Located public var subdistrictCode = ""
  @Located public var subdistrict = ""
  public var community: String?
  public var road = ""
  public var houseNumber = ""
  public var building: String?
  public var node: NodeRef = .none

  public init() {}

  /// The address in one line, as printed on a licence.
  public var singleLine: String {
    province + city + district + subdistrict + (community ?? "") + road + houseNumber + (building ?? "")
  }
}

/// Who signed and when.
public struct Signature: Sendable, Hashable {
  public var signatory = ""
  @Located public var signedOn: CivilDate? = nil
  public var node: NodeRef = .none

  public init(signatory: String = "", signedOn: CivilDate? = nil, node: NodeRef = .none) {
    self.signatory = signatory
    self.signedOn = signedOn
    self.node = node
  }
}

/// One entry of a materials manifest.
public struct Material: Sendable, Hashable {
  /// The material's `id` attribute.
  @Located public var id: String = ""
  @Located public var kind: MaterialKind = .other
  @Located public var title: String = ""
  @Located public var number: String? = nil
  @Located public var issuer: String? = nil
  @Located public var issuedOn: CivilDate? = nil
  @Located public var validUntil: CivilDate? = nil
  @Located public var fileName: String = ""
  @Located public var sha256: String = ""
  @Located public var pages: Int? = nil
  public var node: NodeRef

  public init(
    id: String, kind: MaterialKind, title: String = "", number: String? = nil,
    issuer: String? = nil, issuedOn: CivilDate? = nil, validUntil: CivilDate? = nil,
    fileName: String = "", sha256: String = "", pages: Int? = nil, node: NodeRef = .none
  ) {
    self.id = id
    self.kind = kind
    self.title = title
    self.number = number
    self.issuer = issuer
    self.issuedOn = issuedOn
    self.validUntil = validUntil
    self.fileName = fileName
    self.sha256 = sha256
    self.pages = pages
    self.node = node
  }
}

/// A reference to a material by id, with where the reference stands.
public struct MaterialRef: Sendable, Hashable {
  public var id: String
  public var node: NodeRef

  public init(_ id: String, node: NodeRef = .none) {
    self.id = id
    self.node = node
  }
}
