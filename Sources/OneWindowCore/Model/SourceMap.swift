/// A reference to one element or attribute of a packet, resolved to a line and path through its
/// ``SourceMap``.
public struct NodeRef: Sendable, Hashable, Codable {
  public let index: Int32

  public init(index: Int32) { self.index = index }

  /// No element (a value built by hand, not read from XML).
  public static let none = NodeRef(index: -1)

  /// Whether this refers to something read from the packet.
  public var isNone: Bool { index < 0 }

  /// This reference, or `fallback` when it is ``none``.
  public func or(_ fallback: NodeRef) -> NodeRef { isNone ? fallback : self }
}

/// Where the elements of a packet that the typed model refers to stood: their path step, parent
/// and line, recorded while the packet was mapped (one walk over libxml2's tree).
///
/// A step is what the XML module's path function made for the element (`Unit[2]`, with `[n]`
/// only where the parent has several children of that name, the same convention as schema
/// findings) or `@id` for an attribute; the path of a node is its ancestors' steps joined, built
/// only when a finding is reported.
public struct SourceMap: Sendable {
  private var steps: [String] = []
  private var parents: [Int32] = []
  private var lines: [Int32] = []

  public init() {}

  public var count: Int { steps.count }

  /// Records an element (or an attribute, step `@name`) and returns its reference.
  public mutating func add(step: String, parent: NodeRef, line: Int) -> NodeRef {
    steps.append(step)
    parents.append(parent.index)
    lines.append(Int32(clamping: line))
    return NodeRef(index: Int32(steps.count - 1))
  }

  private func valid(_ node: NodeRef) -> Bool { node.index >= 0 && Int(node.index) < steps.count }

  /// The element's local name (its step without `[n]`), or `@name` for an attribute.
  public func name(of node: NodeRef) -> String? {
    guard valid(node) else { return nil }
    let step = steps[Int(node.index)]
    guard let bracket = step.firstIndex(of: "[") else { return step }
    return String(step[..<bracket])
  }

  public func line(of node: NodeRef) -> Int? {
    guard valid(node) else { return nil }
    let line = Int(lines[Int(node.index)])
    return line > 0 ? line : nil
  }

  public func parent(of node: NodeRef) -> NodeRef? {
    guard valid(node) else { return nil }
    let parent = parents[Int(node.index)]
    return parent >= 0 ? NodeRef(index: parent) : nil
  }

  /// The path of `node`, such as `/AddressPreFiling/Units/Unit[2]/Area` or `…/Unit[2]/@id`.
  public func path(of node: NodeRef) -> String? {
    guard valid(node) else { return nil }
    var chain: [Int32] = []
    chain.reserveCapacity(8)
    var current = node.index
    var length = 0
    while current >= 0 {
      chain.append(current)
      length += steps[Int(current)].utf8.count + 1
      current = parents[Int(current)]
    }
    var path = ""
    path.reserveCapacity(length)
    for index in chain.reversed() {
      path.append("/")
      path.append(steps[Int(index)])
    }
    return path
  }
}
