internal import CLibXML2

/// Paths and values of libxml2 nodes, for findings.
///
/// `xmlGetNodePath()` prints `/*/*[1]` for elements in a default namespace, so the path is built
/// here: local names, with `[n]` only where the parent has several children of that name.
enum NodePath {
  static func path(of node: UnsafeMutablePointer<xmlNode>) -> String? {
    switch node.pointee.type {
    case XML_ATTRIBUTE_NODE:
      guard let owner = node.pointee.parent, let name = node.pointee.name else { return nil }
      return (path(of: owner) ?? "") + "/@" + String(cString: name)
    case XML_ELEMENT_NODE:
      var steps: [String] = []
      var current: UnsafeMutablePointer<xmlNode>? = node
      while let element = current, element.pointee.type == XML_ELEMENT_NODE {
        steps.append(step(for: element))
        current = element.pointee.parent
      }
      return "/" + steps.reversed().joined(separator: "/")
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      return node.pointee.parent.flatMap { path(of: $0) }
    default:
      return nil
    }
  }

  static func line(of node: UnsafeMutablePointer<xmlNode>) -> Int {
    if node.pointee.type == XML_ATTRIBUTE_NODE, let owner = node.pointee.parent {
      return Int(xmlGetLineNo(owner))
    }
    return max(0, Int(xmlGetLineNo(node)))
  }

  /// The text of an element that has no element children, or of an attribute.
  static func simpleValue(of node: UnsafeMutablePointer<xmlNode>) -> String? {
    if node.pointee.type == XML_ATTRIBUTE_NODE {
      return textChildren(of: node)
    }
    guard node.pointee.type == XML_ELEMENT_NODE else { return nil }
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { return nil }
      child = current.pointee.next
    }
    return textChildren(of: node).map { OffendingValue.clip($0) }
  }

  /// The value of the attribute `name` (no namespace) of an element, clipped for reports.
  static func attributeValue(named name: String, of element: UnsafeMutablePointer<xmlNode>)
    -> String?
  {
    attributeValueUnclipped(named: name, of: element).map { OffendingValue.clip($0) }
  }

  /// The value of the attribute `name` of an element, in full.
  static func attributeValueUnclipped(named name: String, of element: UnsafeMutablePointer<xmlNode>)
    -> String?
  {
    var attribute = element.pointee.properties
    while let current = attribute {
      if let attributeName = current.pointee.name, String(cString: attributeName) == name {
        return current.withMemoryRebound(to: xmlNode.self, capacity: 1) { textChildren(of: $0) }
          ?? ""
      }
      attribute = current.pointee.next
    }
    return nil
  }

  /// Concatenated text and CDATA children.
  static func textChildren(of node: UnsafeMutablePointer<xmlNode>) -> String? {
    var child = node.pointee.children
    var single: UnsafeMutablePointer<xmlChar>?
    var pieces: [String] = []
    var count = 0
    while let current = child {
      if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
        let content = current.pointee.content
      {
        count += 1
        if count == 1 {
          single = content
        } else {
          if count == 2, let first = single { pieces.append(String(cString: first)) }
          pieces.append(String(cString: content))
        }
      }
      child = current.pointee.next
    }
    if count == 0 { return nil }
    if count == 1, let single { return String(cString: single) }
    return pieces.joined()
  }

  /// The first element named `localName` whose start tag is on `line`, in document order.
  static func element(
    named localName: String, atLine line: Int, under root: UnsafeMutablePointer<xmlNode>
  ) -> UnsafeMutablePointer<xmlNode>? {
    var stack: [UnsafeMutablePointer<xmlNode>] = [root]
    while let node = stack.popLast() {
      if Int(xmlGetLineNo(node)) == line, let name = node.pointee.name,
        String(cString: name) == localName
      {
        return node
      }
      var children: [UnsafeMutablePointer<xmlNode>] = []
      var child = node.pointee.children
      while let current = child {
        if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
        child = current.pointee.next
      }
      stack.append(contentsOf: children.reversed())
    }
    return nil
  }

  /// The path step of an element: its local name, with `[n]` only where its parent has several
  /// children of that name. The one function every element path is made of.
  static func step(for element: UnsafeMutablePointer<xmlNode>) -> String {
    guard let name = element.pointee.name else { return "*" }
    let localName = String(cString: name)
    guard let parent = element.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else {
      return localName
    }
    var sameNamed = 0
    var position = 0
    var sibling = parent.pointee.children
    while let current = sibling {
      if current.pointee.type == XML_ELEMENT_NODE, let siblingName = current.pointee.name,
        xmlStrEqual(siblingName, name) != 0
      {
        sameNamed += 1
        if current == element { position = sameNamed }
      }
      sibling = current.pointee.next
    }
    return ElementPath.step(name: localName, ordinal: sameNamed > 1 ? position : 0)
  }
}

/// The format of element paths (`/AddressPreFiling/Units/Unit[2]/Area`), for schema findings and
/// the packets' source maps alike.
package enum ElementPath {
  /// A path step: the name, with `[ordinal]` when the parent has several children of that name
  /// (ordinal 0 when it has one).
  package static func step(name: String, ordinal: Int) -> String {
    ordinal > 0 ? name + "[" + String(ordinal) + "]" : name
  }
}

/// Clips offending values for reports.
enum OffendingValue {
  static let maximumLength = 200

  static func clip(_ value: String) -> String {
    value.count > maximumLength ? String(value.prefix(maximumLength)) + "…" : value
  }
}
