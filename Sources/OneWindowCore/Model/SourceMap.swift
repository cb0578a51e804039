/// A reference to one element of a packet, resolved to a line and path through its ``SourceMap``.
public struct NodeRef: Sendable, Hashable, Codable {
  public let index: Int32

  public init(index: Int32) { self.index = index }

  /// No element (a value built by hand, not read from XML).
  public static let none = NodeRef(index: -1)
}

/// Where each element of a packet stood: name, parent and line, recorded in one walk.
///
/// Rules point at ``NodeRef``s; the path (`/AddressPreFiling/Units/Unit[2]/Area`) is only built
/// when a finding is reported. `[n]` appears only where the parent has several children of that
/// name, the same convention as schema findings.
public struct SourceMap: Sendable {
  private var names: [String] = []
  private var parents: [Int32] = []
  private var lines: [Int32] = []

  public init() {}

  public var count: Int { names.count }

  /// Records an element and returns its reference.
  public mutating func add(name: String, parent: NodeRef, line: Int) -> NodeRef {
    names.append(name)
    parents.append(parent.index)
    lines.append(Int32(clamping: line))
    return NodeRef(index: Int32(names.count - 1))
  }

  private func valid(_ node: NodeRef) -> Bool { node.index >= 0 && Int(node.index) < names.count }

  public func name(of node: NodeRef) -> String? { valid(node) ? names[Int(node.index)] : nil }

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

  /// Children of `node` named `name`, in document order.
  public func children(of node: NodeRef, named name: String) -> [NodeRef] {
    guard valid(node) else { return [] }
    var found: [NodeRef] = []
    for index in (Int(node.index) + 1)..<names.count where parents[index] == node.index && names[index] == name {
      found.append(NodeRef(index: Int32(index)))
    }
    return found
  }

  /// The first child of `node` named `name`, or nil.
  public func child(of node: NodeRef, named name: String) -> NodeRef? {
    children(of: node, named: name).first
  }

  /// The element path of `node`, such as `/AddressPreFiling/Units/Unit[2]/Area`.
  public func path(of node: NodeRef) -> String? {
    guard valid(node) else { return nil }
    var steps: [String] = []
    var current = Int(node.index)
    while current >= 0 {
      let parent = parents[current]
      var step = names[current]
      if parent >= 0 {
        var sameNamed = 0
        var position = 0
        for sibling in (Int(parent) + 1)..<names.count where parents[sibling] == parent && names[sibling] == step {
          sameNamed += 1
          if sibling == current { position = sameNamed }
        }
        if sameNamed > 1 { step += "[\(position)]" }
      }
      steps.append(step)
      current = Int(parent)
    }
    return "/" + steps.reversed().joined(separator: "/")
  }
}
