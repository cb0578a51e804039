internal import CLibXML2

/// A readable description of an XSD: the element tree of each root with documentation, types,
/// cardinality and code lists. Read from trusted schema files (libxml2 parses them as plain XML).
///
/// Used to generate the human schema reference and the field labels of reports. It understands
/// the subset of XSD 1.0 OneWindow's schemas use: global and local elements, named and anonymous
/// complex types (sequence, choice, simple content), named simple types (enumerations,
/// patterns, facets), attributes, `xs:include` (including chameleon includes) and `xs:import`.
package struct SchemaDescription: Sendable {
  package struct Element: Sendable {
    package var name: String
    /// The named type (`USCC`, `Header`, `xs:date`), nil for an anonymous one.
    package var typeName: String?
    package var minOccurs: Int
    /// nil means unbounded.
    package var maxOccurs: Int?
    package var zh: String
    package var en: String
    /// 1-based index of the `xs:choice` this element is an alternative of, 0 when none.
    package var choiceGroup: Int
    package var attributes: [Attribute]
    package var children: [Element]
  }

  package struct Attribute: Sendable {
    package var name: String
    package var typeName: String
    package var required: Bool
  }

  package struct SimpleType: Sendable {
    package var name: String
    package var base: String
    package var zh: String
    package var en: String
    package var enumerations: [(value: String, zh: String, en: String)]
    /// Other facets as written: `pattern=…`, `maxLength=100`.
    package var facets: [String]
  }

  package var targetNamespace: String?
  package var zh: String
  package var en: String
  package var roots: [Element]
  /// Every named simple type the roots use, by name.
  package var simpleTypes: [String: SimpleType]

  /// Describes the entry schema at `path` and everything it includes or imports.
  package init?(path: String) {
    _ = LibXMLRuntime.ready
    var reader = XSDReader()
    guard let entry = reader.load(path) else { return nil }
    defer { reader.freeAll() }
    targetNamespace = entry.attribute("targetNamespace")
    (zh, en) = entry.documentation()
    var roots: [Element] = []
    for element in entry.children(named: "element") {
      roots.append(reader.describe(element, choiceGroup: 0, depth: 0))
    }
    self.roots = roots
    self.simpleTypes = reader.usedSimpleTypes
  }
}

/// The target namespace and the global elements (the packet roots) of an entry schema, read
/// from that file alone: all that routing a packet to its schema needs. The same values as
/// ``SchemaDescription``'s `targetNamespace` and `roots` names, without reading the includes.
package struct SchemaRoots: Sendable {
  package var targetNamespace: String?
  package var names: [String]

  package init(targetNamespace: String?, names: [String]) {
    self.targetNamespace = targetNamespace
    self.names = names
  }

  /// nil when the file cannot be read as XML.
  package init?(path: String) {
    _ = LibXMLRuntime.ready
    var reader = XSDReader()
    guard let entry = reader.loadAlone(path) else { return nil }
    defer { reader.freeAll() }
    targetNamespace = entry.attribute("targetNamespace")
    names = entry.children(named: "element").map { $0.attribute("name") ?? "?" }
  }

  /// Reads the entry schema at `path`, a file below the schema folder `folder` (which becomes
  /// loadable, as compiling it would make it); nil when it cannot be read as XML.
  package init?(path: String, schemaFolder folder: String) {
    LibXMLRuntime.allowLoads(below: folder)
    self.init(path: path)
  }
}

/// Walks XSD documents with libxml2 (they are trusted files below the schema folder).
private struct XSDReader {
  private var documents: [xmlDocPtr] = []
  private var complexTypes: [String: XSDNode] = [:]
  private var simpleTypeNodes: [String: XSDNode] = [:]
  private(set) var usedSimpleTypes: [String: SchemaDescription.SimpleType] = [:]
  private var loaded: Set<String> = []

  mutating func load(_ path: String) -> XSDNode? {
    guard let root = loadAlone(path) else { return nil }
    for child in root.children() {
      switch child.localName {
      case "complexType": if let name = child.attribute("name") { complexTypes[name] = child }
      case "simpleType": if let name = child.attribute("name") { simpleTypeNodes[name] = child }
      case "include", "import":
        if let location = child.attribute("schemaLocation"), !location.contains(":") {
          let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
          _ = load(XSDReader.normalised(folder + "/" + location))
        }
      default: break
      }
    }
    return root
  }

  /// Parses one schema document, without following its includes and imports.
  mutating func loadAlone(_ path: String) -> XSDNode? {
    guard !loaded.contains(path) else { return nil }
    loaded.insert(path)
    let collector = IssueCollector()
    let document: xmlDocPtr? = LibXMLRuntime.withHandlers(collector) {
      xmlReadFile(path, nil, Int32(XML_PARSE_NONET.rawValue))
    }
    guard let document else { return nil }
    documents.append(document)
    guard let rootNode = xmlDocGetRootElement(document) else { return nil }
    return XSDNode(node: rootNode)
  }

  func freeAll() {
    for document in documents { xmlFreeDoc(document) }
  }

  static func normalised(_ path: String) -> String {
    var steps: [Substring] = []
    for step in path.split(separator: "/") {
      if step == "." { continue }
      if step == ".." {
        if !steps.isEmpty { steps.removeLast() }
        continue
      }
      steps.append(step)
    }
    return "/" + steps.joined(separator: "/")
  }

  private static func localName(of qualified: String) -> String {
    String(qualified.split(separator: ":").last ?? Substring(qualified))
  }

  mutating func describe(_ node: XSDNode, choiceGroup: Int, depth: Int) -> SchemaDescription.Element {
    let (zh, en) = node.documentation()
    var element = SchemaDescription.Element(
      name: node.attribute("name") ?? "?", typeName: node.attribute("type"),
      minOccurs: Int(node.attribute("minOccurs") ?? "1") ?? 1,
      maxOccurs: node.attribute("maxOccurs").map { $0 == "unbounded" ? nil : Int($0) } ?? 1,
      zh: zh, en: en, choiceGroup: choiceGroup, attributes: [], children: [])
    guard depth < 32 else { return element }
    var typeNode: XSDNode?
    if let typeName = element.typeName {
      let local = Self.localName(of: typeName)
      if typeName.hasPrefix("xs:") {
        typeNode = nil
      } else if let complex = complexTypes[local] {
        typeNode = complex
      } else {
        noteSimpleType(local)
      }
    } else {
      typeNode = node.children(named: "complexType").first
      if typeNode == nil, let simple = node.children(named: "simpleType").first,
        let restriction = simple.children(named: "restriction").first
      {
        let values = restriction.children(named: "enumeration").compactMap { $0.attribute("value") }
        if !values.isEmpty { element.typeName = "enum(" + values.joined(separator: "|") + ")" }
      }
    }
    if let typeNode { fill(&element, from: typeNode, depth: depth) }
    return element
  }

  private mutating func fill(_ element: inout SchemaDescription.Element, from type: XSDNode, depth: Int) {
    var choiceCounter = 0
    func particles(_ group: XSDNode, choice: Int, into children: inout [SchemaDescription.Element]) {
      for particle in group.children() {
        switch particle.localName {
        case "element": children.append(describe(particle, choiceGroup: choice, depth: depth + 1))
        case "sequence": particles(particle, choice: choice, into: &children)
        case "choice":
          choiceCounter += 1
          particles(particle, choice: choiceCounter, into: &children)
        default: break
        }
      }
    }
    var children: [SchemaDescription.Element] = []
    for part in type.children() {
      switch part.localName {
      case "sequence", "choice":
        if part.localName == "choice" {
          choiceCounter += 1
          particles(part, choice: choiceCounter, into: &children)
        } else {
          particles(part, choice: 0, into: &children)
        }
      case "attribute": element.attributes.append(attribute(part))
      case "simpleContent":
        if let extensionNode = part.children(named: "extension").first {
          if let base = extensionNode.attribute("base") {
            element.typeName = base
            noteSimpleType(Self.localName(of: base))
          }
          for attributeNode in extensionNode.children(named: "attribute") {
            element.attributes.append(attribute(attributeNode))
          }
        }
      default: break
      }
    }
    element.children = children
  }

  private mutating func attribute(_ node: XSDNode) -> SchemaDescription.Attribute {
    let type = node.attribute("type") ?? "xs:string"
    noteSimpleType(Self.localName(of: type))
    return SchemaDescription.Attribute(
      name: node.attribute("name") ?? "?", typeName: type, required: node.attribute("use") == "required")
  }

  private mutating func noteSimpleType(_ name: String) {
    guard usedSimpleTypes[name] == nil, let node = simpleTypeNodes[name] else { return }
    let (zh, en) = node.documentation()
    var simple = SchemaDescription.SimpleType(
      name: name, base: "", zh: zh, en: en, enumerations: [], facets: [])
    if let restriction = node.children(named: "restriction").first {
      simple.base = restriction.attribute("base") ?? ""
      for facet in restriction.children() {
        if facet.localName == "enumeration", let value = facet.attribute("value") {
          let (valueZh, valueEn) = facet.documentation()
          simple.enumerations.append((value, valueZh, valueEn))
        } else if let value = facet.attribute("value") {
          simple.facets.append("\(facet.localName)=\(value)")
        }
      }
    }
    usedSimpleTypes[name] = simple
  }
}

/// An XSD element node (`xs:element`, `xs:complexType`, …).
private struct XSDNode {
  let node: UnsafeMutablePointer<xmlNode>

  var localName: String { node.pointee.name.map { String(cString: $0) } ?? "" }

  func attribute(_ name: String) -> String? { NodePath.attributeValueUnclipped(named: name, of: node) }

  func children() -> [XSDNode] {
    var result: [XSDNode] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE,
        let namespace = current.pointee.ns?.pointee.href,
        String(cString: namespace) == "http://www.w3.org/2001/XMLSchema"
      {
        result.append(XSDNode(node: current))
      }
      child = current.pointee.next
    }
    return result
  }

  func children(named name: String) -> [XSDNode] { children().filter { $0.localName == name } }

  /// The Chinese and English `xs:documentation` of this node's `xs:annotation`.
  func documentation() -> (zh: String, en: String) {
    var zh = ""
    var en = ""
    for annotation in children(named: "annotation") {
      for documentation in annotation.children(named: "documentation") {
        guard let language = xmlNodeGetLang(documentation.node) else { continue }
        let code = String(cString: language)
        onewindow_xml_free(language)
        let text = NodePath.textChildren(of: documentation.node) ?? ""
        if code == "zh", zh.isEmpty { zh = text }
        if code == "en", en.isEmpty { en = text }
      }
    }
    return (zh, en)
  }
}
