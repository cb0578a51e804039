/// One element of a generic packet as plain values: what declared checks and the registry read
/// from a `TradeBundle`'s core and track parts, whose shape only their definition knows.
public struct TreeElement: Sendable, Hashable {
  public var name: String
  public var namespace: String?
  /// The text with whitespace collapsed; empty for an element with children only.
  public var text: String
  public var children: [TreeElement]
  public var node: NodeRef

  public init(
    name: String, namespace: String? = nil, text: String = "",
    children: [TreeElement] = [], node: NodeRef = .none
  ) {
    self.name = name
    self.namespace = namespace
    self.text = text
    self.children = children
    self.node = node
  }

  /// The first element along `path` (`Operator/Name`), or nil.
  public func element(at path: String) -> TreeElement? {
    var current = self
    for step in path.split(separator: "/") {
      guard let next = current.children.first(where: { $0.name == step }) else { return nil }
      current = next
    }
    return current
  }

  /// The text along `path`, nil when absent or blank.
  public func value(at path: String) -> String? {
    guard let text = element(at: path)?.text, !text.isEmpty else { return nil }
    return text
  }
}

/// A generic "one thing" application (`TradeBundle`): a shared core entered once and one part
/// per track of its definition.
public struct TradeBundlePacket: Sendable, Hashable {
  public struct CurrentLicence: Sendable, Hashable {
    public var track: Track
    public var number: String
    public var node: NodeRef

    public init(track: Track, number: String, node: NodeRef = .none) {
      self.track = track
      self.number = number
      self.node = node
    }
  }

  public struct TradeMaterial: Sendable, Hashable {
    public var code: String
    public var title: String
    public var fileName: String?
    public var sha256: String?
    public var node: NodeRef

    public init(code: String, title: String, fileName: String? = nil, sha256: String? = nil, node: NodeRef = .none) {
      self.code = code
      self.title = title
      self.fileName = fileName
      self.sha256 = sha256
      self.node = node
    }
  }

  public struct Part: Sendable, Hashable {
    public var track: Track
    /// The part's one element (in the track schema's namespace); nil when it has none.
    public var content: TreeElement?
    public var node: NodeRef

    public init(track: Track, content: TreeElement?, node: NodeRef = .none) {
      self.track = track
      self.content = content
      self.node = node
    }
  }

  public var header: PacketHeader?
  public var definition: String
  public var kind: BundleKind
  public var core: TreeElement
  public var current: [CurrentLicence]
  public var changes: [String]
  public var cancellationReason: String?
  public var materials: [TradeMaterial]
  public var materialsNode: NodeRef
  public var parts: [Part]
  public var definitionNode: NodeRef

  public init(
    header: PacketHeader? = nil, definition: String, kind: BundleKind, core: TreeElement,
    current: [CurrentLicence] = [], changes: [String] = [], cancellationReason: String? = nil,
    materials: [TradeMaterial] = [], materialsNode: NodeRef = .none, parts: [Part] = [], definitionNode: NodeRef = .none
  ) {
    self.header = header
    self.definition = definition
    self.core = core
    self.current = current
    self.changes = changes
    self.cancellationReason = cancellationReason
    self.materials = materials
    self.materialsNode = materialsNode
    self.parts = parts
    self.definitionNode = definitionNode
    self.kind = kind
  }

  public var name: String { core.value(at: "Name") ?? "" }
  public var applicantName: String { core.value(at: "Applicant/Name") ?? "" }
  public var applicantIdentity: String { core.value(at: "Applicant/Identity") ?? "" }
  public var place: String { core.value(at: "Place") ?? "" }

  public func part(_ track: Track) -> Part? { parts.first { $0.track == track } }
}
