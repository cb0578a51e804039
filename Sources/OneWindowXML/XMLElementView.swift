internal import CLibXML2

/// A read-only view of one element of a validated document.
///
/// Valid only inside the closure that ``PacketValidator/check(_:name:map:)`` hands it to: the
/// document is freed when that closure returns. Not `Sendable`.
package struct XMLElementView {
  let node: UnsafeMutablePointer<xmlNode>

  /// The local name (no prefix).
  package var localName: String {
    node.pointee.name.map { String(cString: $0) } ?? ""
  }

  /// The namespace URI, if any.
  package var namespaceURI: String? {
    node.pointee.ns?.pointee.href.map { String(cString: $0) }
  }

  /// 1-based line of the start tag.
  package var line: Int { Int(xmlGetLineNo(node)) }

  /// Concatenated text and CDATA children; empty when there are none.
  package var text: String { NodePath.textChildren(of: node) ?? "" }

  /// The text, and whether it holds any whitespace (so a caller collapsing whitespace can skip
  /// the text that has none), read in one pass over a single text child's bytes.
  package var textNoting: (text: String, hasWhitespace: Bool) {
    var child = node.pointee.children
    var single: UnsafeMutablePointer<xmlChar>?
    var count = 0
    while let current = child {
      if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
        let content = current.pointee.content
      {
        count += 1
        single = content
      }
      child = current.pointee.next
    }
    guard count == 1, let single else {
      let text = NodePath.textChildren(of: node) ?? ""
      return (text, count > 0)
    }
    let bytes = UnsafeBufferPointer(start: single, count: Int(xmlStrlen(single)))
    return (String(decoding: bytes, as: UTF8.self), UnicodeWhitespace.occurs(in: bytes))
  }

  /// The path of this element, `[n]` only where the parent has several of that name.
  package var path: String { NodePath.path(of: node) ?? "" }

  /// The value of an attribute without a namespace, or nil when absent.
  package func attribute(_ name: String) -> String? {
    var attribute = node.pointee.properties
    while let current = attribute {
      if current.pointee.ns == nil, let attributeName = current.pointee.name,
        String(cString: attributeName) == name
      {
        return current.withMemoryRebound(to: xmlNode.self, capacity: 1) {
          NodePath.textChildren(of: $0) ?? ""
        }
      }
      attribute = current.pointee.next
    }
    return nil
  }

  /// Element children in document order.
  package var children: Children { Children(first: node.pointee.children) }

  /// The first element child, or nil.
  package var firstChildElement: XMLElementView? {
    var children = Children(first: node.pointee.children)
    return children.next()
  }

  /// The next element sibling, or nil.
  package var nextSiblingElement: XMLElementView? {
    var siblings = Children(first: node.pointee.next)
    return siblings.next()
  }

  /// The element's step in an element path (`Unit[2]`), made by the same function as the paths of
  /// schema findings.
  package var pathStep: String { NodePath.step(for: node) }

  /// Whether the element's local name is `name`, compared without making a Swift string.
  package func hasName(_ name: String) -> Bool {
    guard let own = node.pointee.name else { return false }
    var name = name
    return name.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        if own[index] != bytes[index] { return false }
        index += 1
      }
      return own[index] == 0
    }
  }

  /// An identity of the element's name: libxml2 interns names in the parser's dictionary, so two
  /// elements with the same name have the same identity for as long as that dictionary lives.
  package var nameIdentity: Int { Int(bitPattern: node.pointee.name) }

  /// The identity of the dictionary the element's names are interned in.
  package var dictionaryIdentity: Int { Int(bitPattern: node.pointee.doc?.pointee.dict) }

  /// The first element child with this local name, and its ordinal among the children of that
  /// name (0 when it is the only one, as path steps write it).
  package func childWithOrdinal(_ localName: String) -> (view: XMLElementView, ordinal: Int)? {
    var children = Children(first: node.pointee.children)
    while let child = children.next() {
      guard child.hasName(localName), let name = child.node.pointee.name else { continue }
      // Another child of the same name after it makes the step `Name[1]`.
      while let later = children.next() {
        if let laterName = later.node.pointee.name, xmlStrEqual(laterName, name) != 0 { return (child, 1) }
      }
      return (child, 0)
    }
    return nil
  }

  /// The first element child with this local name.
  package func child(_ localName: String) -> XMLElementView? {
    var children = Children(first: node.pointee.children)
    while let child = children.next() {
      if child.hasName(localName) { return child }
    }
    return nil
  }

  /// The element children with this local name, in document order.
  package func children(_ localName: String) -> [XMLElementView] {
    var found: [XMLElementView] = []
    var children = Children(first: node.pointee.children)
    while let child = children.next() {
      if child.hasName(localName) { found.append(child) }
    }
    return found
  }

  /// The element children of an element, as a sequence.
  package struct Children: Sequence, IteratorProtocol {
    var cursor: UnsafeMutablePointer<xmlNode>?

    init(first: UnsafeMutablePointer<xmlNode>?) { cursor = first }

    package mutating func next() -> XMLElementView? {
      while let current = cursor {
        cursor = current.pointee.next
        if current.pointee.type == XML_ELEMENT_NODE { return XMLElementView(node: current) }
      }
      return nil
    }
  }
}
