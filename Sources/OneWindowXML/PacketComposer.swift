internal import CLibXML2

/// A packet to take elements from, as received.
package struct ComposerSource: Sendable, Hashable {
  package var bytes: [UInt8]
  /// How issues name it (a path, or `<stdin>`).
  package var name: String

  package init(bytes: [UInt8], name: String) {
    self.bytes = bytes
    self.name = name
  }
}

/// Which elements of one source a ``ComposedPart/copy(_:)`` takes.
///
/// The path is matched by local name from the source's root element: every step keeps the
/// element children whose local name is the step (`*` matches any), so `["Materials",
/// "Material"]` is every `Material` of every `Materials`. The filters apply to the last step only.
package struct ElementSelection: Sendable, Hashable {
  /// Index into the sources given to ``PacketComposer/compose(_:from:)``.
  package var source: Int
  /// Local names below the source root; the last one names the copied elements.
  package var path: [String]
  /// Local names the last step leaves out (useful with `*`).
  package var except: Set<String>
  /// When set, only elements whose attribute of this name (no namespace) has one of ``values``.
  package var attribute: String?
  package var values: Set<String>

  package init(
    source: Int, path: [String], except: Set<String> = [], attribute: String? = nil,
    values: Set<String> = []
  ) {
    self.source = source
    self.path = path
    self.except = except
    self.attribute = attribute
    self.values = values
  }
}

/// One piece of a composed document, in document order.
package indirect enum ComposedPart: Sendable, Hashable {
  /// Deep copies of the selected source elements (attributes, text, comments and all
  /// descendants). Elements in their source root's namespace move into the new namespace; others
  /// keep theirs. Whitespace-only text between child elements is dropped, so the output can be
  /// indented afresh.
  case copy(ElementSelection)
  /// A new element, in the new namespace, holding only this text.
  case text(name: String, value: String)
  /// A new element, in the new namespace, whose children are composed in turn.
  case element(name: String, parts: [ComposedPart])
}

/// The document to build: its root element, its namespace and its children.
package struct Composition: Sendable, Hashable {
  package var rootName: String
  /// The new document's default namespace.
  package var namespace: String
  package var parts: [ComposedPart]

  package init(rootName: String, namespace: String, parts: [ComposedPart]) {
    self.rootName = rootName
    self.namespace = namespace
    self.parts = parts
  }
}

/// Why a composition could not be built.
package struct ComposeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The source that did not parse, when that is the reason.
  package var source: String?
  /// What the hardened parse of that source found.
  package var issues: [XMLIssue]
  package var reason: String

  package var description: String {
    guard let source else { return reason }
    let first = issues.first { $0.level >= .error } ?? issues.first
    let detail = first.map { issue in
      (issue.line > 0 ? "line \(issue.line): " : "") + issue.message
    }
    return "\(source): \(reason)" + (detail.map { " (\($0))" } ?? "")
  }
}

/// Builds a new packet from parts of existing ones: a root element in a given namespace whose
/// children are, in order, copies of elements of one or more source packets and new text
/// elements; serialised as indented UTF-8 with an XML declaration.
///
/// Sources are parsed with the same hardening as ``PacketValidator`` (no network, no entities, no
/// DTD, DOCTYPE refused, size, depth and attribute limits); they are not schema-validated here.
/// Every libxml2 object is freed before ``compose(_:from:)`` returns. One per thread or task;
/// never shared.
package final class PacketComposer {
  package let limits: ParseLimits
  /// One parser per source position, so every source document can be alive at once.
  private var parsers: [HardenedParser] = []

  package init(limits: ParseLimits = ParseLimits()) {
    self.limits = limits
  }

  /// Parses the sources and builds the composition from them.
  ///
  /// - Returns: the new document: `<?xml version="1.0" encoding="UTF-8"?>`, then the root,
  ///   indented by two spaces, ending in a newline.
  /// - Throws: ``ComposeError`` when a source does not parse, a selection names a source that
  ///   was not given, or libxml2 cannot allocate the new document.
  package func compose(_ composition: Composition, from sources: [ComposerSource])
    throws(ComposeError) -> [UInt8]
  {
    for part in composition.parts {
      if let index = part.sourceIndices.first(where: { !sources.indices.contains($0) }) {
        throw ComposeError(
          issues: [], reason: "the composition takes from source \(index), but \(sources.count) were given")
      }
    }
    while parsers.count < sources.count {
      guard let parser = HardenedParser(limits: limits) else {
        throw ComposeError(issues: [], reason: "libxml2 could not allocate a parser context")
      }
      parsers.append(parser)
    }
    return try withRoots(of: sources[...], opened: []) { roots throws(ComposeError) in
      try Self.build(composition, roots: roots)
    }
  }

  /// Parses `sources` one after another, each inside the previous one's document lifetime, then
  /// runs `body` with every root element.
  private func withRoots(
    of sources: ArraySlice<ComposerSource>, opened: [UnsafeMutablePointer<xmlNode>],
    _ body: ([UnsafeMutablePointer<xmlNode>]) throws(ComposeError) -> [UInt8]
  ) throws(ComposeError) -> [UInt8] {
    guard let source = sources.first else { return try body(opened) }
    let parser = parsers[opened.count]
    let parsed = source.bytes.withUnsafeBytes { raw in
      parser.withDocument(raw, name: source.name) { document -> Result<[UInt8], ComposeError> in
        guard let root = xmlDocGetRootElement(document) else {
          return .failure(ComposeError(source: source.name, issues: [], reason: "the packet has no root element"))
        }
        do throws(ComposeError) {
          return .success(try withRoots(of: sources.dropFirst(), opened: opened + [root], body))
        } catch {
          return .failure(error)
        }
      }
    }
    guard let outcome = parsed.value else {
      throw ComposeError(source: source.name, issues: parsed.issues, reason: "the packet does not parse")
    }
    return try outcome.get()
  }

  /// Builds and serialises the new document; frees it before returning.
  private static func build(_ composition: Composition, roots: [UnsafeMutablePointer<xmlNode>])
    throws(ComposeError) -> [UInt8]
  {
    let outOfMemory = ComposeError(issues: [], reason: "libxml2 could not allocate the new document")
    guard let document = xmlNewDoc("1.0") else { throw outOfMemory }
    defer { xmlFreeDoc(document) }
    guard let root = xmlNewDocNode(document, nil, composition.rootName, nil) else { throw outOfMemory }
    _ = xmlDocSetRootElement(document, root)  // now owned by the document
    guard let namespace = xmlNewNs(root, composition.namespace, nil) else { throw outOfMemory }
    xmlSetNs(root, namespace)

    let builder = TreeBuilder(
      document: document, namespace: namespace,
      sourceNamespaces: roots.map { $0.pointee.ns?.pointee.href.map { String(cString: $0) } })
    for part in composition.parts {
      guard builder.add(part, to: root, roots: roots) else { throw outOfMemory }
    }

    var buffer: UnsafeMutablePointer<xmlChar>?
    var size: Int32 = 0
    xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", 1)
    defer { if let buffer { onewindow_xml_free(buffer) } }
    guard let buffer, size > 0 else { throw outOfMemory }
    return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
  }
}

extension ComposedPart {
  /// The source indices this part (and its sub-parts) take from.
  var sourceIndices: [Int] {
    switch self {
    case .copy(let selection): [selection.source]
    case .text: []
    case .element(_, let parts): parts.flatMap(\.sourceIndices)
    }
  }
}

/// Adds composed parts to the new document. Every node it creates is attached to the tree at
/// once (or freed), so freeing the document frees everything.
private struct TreeBuilder {
  let document: UnsafeMutablePointer<xmlDoc>
  /// The new namespace, declared on the new root.
  let namespace: UnsafeMutablePointer<xmlNs>
  /// Each source root's namespace URI (nil for none).
  let sourceNamespaces: [String?]

  /// - Returns: false when libxml2 could not allocate a node.
  func add(
    _ part: ComposedPart, to parent: UnsafeMutablePointer<xmlNode>,
    roots: [UnsafeMutablePointer<xmlNode>]
  ) -> Bool {
    switch part {
    case .text(let name, let value):
      guard let element = xmlNewChild(parent, namespace, name, nil) else { return false }
      return value.isEmpty || appendText(value, to: element)
    case .element(let name, let parts):
      guard let element = xmlNewChild(parent, namespace, name, nil) else { return false }
      return parts.allSatisfy { add($0, to: element, roots: roots) }
    case .copy(let selection):
      let sourceNamespace = sourceNamespaces[selection.source]
      return Self.select(selection, under: roots[selection.source]).allSatisfy {
        copy($0, into: parent, sourceNamespace: sourceNamespace)
      }
    }
  }

  /// The elements a selection picks, in document order.
  static func select(_ selection: ElementSelection, under root: UnsafeMutablePointer<xmlNode>)
    -> [UnsafeMutablePointer<xmlNode>]
  {
    var current = [root]
    for (index, step) in selection.path.enumerated() {
      let last = index == selection.path.count - 1
      current = current.flatMap { parent in
        elementChildren(of: parent).filter { child in
          let name = localName(of: child)
          guard step == "*" || name == step else { return false }
          guard last else { return true }
          if selection.except.contains(name) { return false }
          if let attribute = selection.attribute {
            guard let value = NodePath.attributeValueUnclipped(named: attribute, of: child) else {
              return false
            }
            return selection.values.contains(value)
          }
          return true
        }
      }
    }
    return selection.path.isEmpty ? [] : current
  }

  /// Deep-copies one source element (and its subtree) as the last child of `parent`.
  private func copy(
    _ source: UnsafeMutablePointer<xmlNode>, into parent: UnsafeMutablePointer<xmlNode>,
    sourceNamespace: String?
  ) -> Bool {
    let href = source.pointee.ns?.pointee.href.map { String(cString: $0) }
    guard let element = xmlNewDocNode(document, nil, source.pointee.name, nil),
      attach(element, to: parent)
    else { return false }
    if href == sourceNamespace {
      guard moveIntoNewNamespace(element) else { return false }
    } else {
      guard declareForeignNamespace(of: source, on: element) else { return false }
    }
    var attribute = source.pointee.properties
    while let current = attribute {
      guard copyAttribute(current, to: element, sourceNamespace: sourceNamespace) else { return false }
      attribute = current.pointee.next
    }
    let ignorableWhitespace = Self.hasElementChildren(source) && !Self.hasSignificantText(source)
    var child = source.pointee.children
    while let current = child {
      child = current.pointee.next
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        guard copy(current, into: element, sourceNamespace: sourceNamespace) else { return false }
      case XML_TEXT_NODE:
        let text = current.pointee.content.map { String(cString: $0) } ?? ""
        if ignorableWhitespace && text.allSatisfy(\.isXMLWhitespace) { continue }
        guard text.isEmpty || appendText(text, to: element) else { return false }
      case XML_CDATA_SECTION_NODE:
        let text = current.pointee.content.map { String(cString: $0) } ?? ""
        guard let node = xmlNewCDataBlock(document, text, Int32(text.utf8.count)) else { return false }
        guard attach(node, to: element) else { return false }
      case XML_COMMENT_NODE:
        guard let node = xmlNewDocComment(document, current.pointee.content) else { return false }
        guard attach(node, to: element) else { return false }
      case XML_PI_NODE:
        guard let node = xmlNewDocPI(document, current.pointee.name, current.pointee.content) else {
          return false
        }
        guard attach(node, to: element) else { return false }
      default:
        continue  // entity references cannot occur: DOCTYPE is refused and NOENT is never set
      }
    }
    return true
  }

  /// Puts a copied element into the new namespace, declaring it again where a foreign element
  /// above has changed the default namespace.
  private func moveIntoNewNamespace(_ element: UnsafeMutablePointer<xmlNode>) -> Bool {
    if xmlSearchNs(document, element, nil) == namespace {
      xmlSetNs(element, namespace)
      return true
    }
    guard let local = xmlNewNs(element, namespace.pointee.href, nil) else { return false }
    xmlSetNs(element, local)
    return true
  }

  /// Gives a copied element that stays in its own namespace (or in none) a declaration in scope.
  private func declareForeignNamespace(
    of source: UnsafeMutablePointer<xmlNode>, on element: UnsafeMutablePointer<xmlNode>
  ) -> Bool {
    guard let sourceNamespace = source.pointee.ns else {
      // No namespace, under a root with a default namespace: undeclare it here.
      return xmlNewNs(element, "", nil) != nil
    }
    if let inScope = xmlSearchNsByHref(document, element, sourceNamespace.pointee.href) {
      xmlSetNs(element, inScope)
      return true
    }
    guard let declared = xmlNewNs(element, sourceNamespace.pointee.href, sourceNamespace.pointee.prefix)
    else { return false }
    xmlSetNs(element, declared)
    return true
  }

  /// Copies one attribute; an attribute in a namespace needs a prefixed declaration in scope.
  private func copyAttribute(
    _ attribute: UnsafeMutablePointer<xmlAttr>, to element: UnsafeMutablePointer<xmlNode>,
    sourceNamespace: String?
  ) -> Bool {
    let value = attribute.withMemoryRebound(to: xmlNode.self, capacity: 1) {
      NodePath.textChildren(of: $0)
    } ?? ""
    guard let attributeNamespace = attribute.pointee.ns else {
      return xmlNewProp(element, attribute.pointee.name, value) != nil
    }
    var href = String(cString: attributeNamespace.pointee.href)
    if href == sourceNamespace { href = String(cString: namespace.pointee.href) }
    guard let prefixed = prefixedNamespace(href, preferring: attributeNamespace.pointee.prefix, on: element)
    else { return false }
    return xmlNewNsProp(element, prefixed, attribute.pointee.name, value) != nil
  }

  /// A declaration of `href` with a prefix in scope at `element`, declaring one there if needed.
  private func prefixedNamespace(
    _ href: String, preferring prefix: UnsafePointer<xmlChar>?,
    on element: UnsafeMutablePointer<xmlNode>
  ) -> UnsafeMutablePointer<xmlNs>? {
    if let found = xmlSearchNsByHref(document, element, href), found.pointee.prefix != nil {
      return found
    }
    if let prefix, let declared = xmlNewNs(element, href, prefix) { return declared }
    for number in 1...99 {
      if let declared = xmlNewNs(element, href, "ns\(number)") { return declared }
    }
    return nil
  }

  /// Appends a text node; libxml2 merges it into a text node that ends the children.
  private func appendText(_ text: String, to element: UnsafeMutablePointer<xmlNode>) -> Bool {
    guard let node = xmlNewDocTextLen(document, text, Int32(text.utf8.count)) else { return false }
    return attach(node, to: element)
  }

  /// Adds a node as the last child, freeing it if libxml2 refuses.
  private func attach(_ node: UnsafeMutablePointer<xmlNode>, to parent: UnsafeMutablePointer<xmlNode>)
    -> Bool
  {
    guard xmlAddChild(parent, node) != nil else {
      xmlFreeNode(node)
      return false
    }
    return true
  }

  static func elementChildren(of node: UnsafeMutablePointer<xmlNode>) -> [UnsafeMutablePointer<xmlNode>] {
    var result: [UnsafeMutablePointer<xmlNode>] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
      child = current.pointee.next
    }
    return result
  }

  static func localName(of node: UnsafeMutablePointer<xmlNode>) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
  }

  static func hasElementChildren(_ node: UnsafeMutablePointer<xmlNode>) -> Bool {
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { return true }
      child = current.pointee.next
    }
    return false
  }

  /// Whether a text or CDATA child holds anything but whitespace (mixed content).
  static func hasSignificantText(_ node: UnsafeMutablePointer<xmlNode>) -> Bool {
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_CDATA_SECTION_NODE { return true }
      if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content,
        !String(cString: content).allSatisfy(\.isXMLWhitespace)
      {
        return true
      }
      child = current.pointee.next
    }
    return false
  }
}

extension Character {
  /// XML's white space: space, tab, carriage return, line feed.
  fileprivate var isXMLWhitespace: Bool {
    self == " " || self == "\t" || self == "\r" || self == "\n" || self == "\r\n"
  }
}
