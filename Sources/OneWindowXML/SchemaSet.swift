internal import CLibXML2

/// A root element name with its namespace.
package struct QualifiedName: Sendable, Hashable, CustomStringConvertible {
  package var namespace: String?
  package var localName: String

  package init(namespace: String?, localName: String) {
    self.namespace = namespace
    self.localName = localName
  }

  package var description: String {
    namespace.map { "{\($0)}\(localName)" } ?? localName
  }
}

/// One entry schema: a packet family, its namespace and the root elements it declares.
package struct SchemaEntry: Sendable {
  /// The family's folder name under `Schemas/` (for example `prefiling`).
  package let family: String
  package let path: String
  package let targetNamespace: String?
  /// Global element declarations: the roots a packet of this family may have.
  package let rootElements: [String]
  /// `xs:documentation xml:lang="zh"` of each named element declaration, first one wins.
  package let chineseLabels: [String: String]
  /// For each element name, the first clause of the Chinese documentation of its named simple
  /// type (the expected format, such as "SHA-256 摘要：64 位小写十六进制").
  package let chineseFormats: [String: String]
  package let compiled: CompiledSchema
}

/// Every entry schema under a folder, compiled once per process.
package struct SchemaSet: Sendable {
  package let folder: String
  package let entries: [SchemaEntry]
  private let byRoot: [QualifiedName: Int]

  /// Compiles each entry schema. `entryPaths` are absolute paths below `folder`.
  ///
  /// - Throws: ``SchemaCompileError`` for the first schema that does not compile, or when two
  ///   schemas declare the same root element in the same namespace.
  package init(folder: String, entryPaths: [String]) throws(SchemaCompileError) {
    _ = LibXMLRuntime.ready
    var entries: [SchemaEntry] = []
    var byRoot: [QualifiedName: Int] = [:]
    for path in entryPaths.sorted() {
      let compiled = try CompiledSchema(path: path, loadRoot: folder)
      let outline = SchemaOutline(path: path)
      let components = path.split(separator: "/")
      let family = components.count >= 2 ? String(components[components.count - 2]) : path
      let entry = SchemaEntry(
        family: family, path: path, targetNamespace: outline.targetNamespace,
        rootElements: outline.globalElements, chineseLabels: outline.chineseLabels,
        chineseFormats: outline.chineseFormats, compiled: compiled)
      for root in outline.globalElements {
        let name = QualifiedName(namespace: outline.targetNamespace, localName: root)
        if byRoot[name] != nil {
          throw SchemaCompileError(
            path: path,
            issues: [
              XMLIssue(
                stage: .schemaCompile, code: 0, level: .error,
                message: "root element \(name) is declared by two entry schemas", file: path)
            ])
        }
        byRoot[name] = entries.count
      }
      entries.append(entry)
    }
    self.folder = folder
    self.entries = entries
    self.byRoot = byRoot
  }

  /// The entry schema that declares `root`, or nil for an unknown packet.
  package func entry(for root: QualifiedName) -> SchemaEntry? {
    byRoot[root].map { entries[$0] }
  }

  package func index(for root: QualifiedName) -> Int? { byRoot[root] }

  /// Every root this set knows, for messages about unknown packets.
  package var knownRoots: [QualifiedName] {
    byRoot.keys.sorted { $0.description < $1.description }
  }
}

/// What a schema file declares at its top level, read with libxml2 (schemas are trusted files).
struct SchemaOutline {
  var targetNamespace: String?
  var globalElements: [String] = []
  var chineseLabels: [String: String] = [:]
  var chineseFormats: [String: String] {
    var formats: [String: String] = [:]
    for (element, type) in elementTypes {
      if let documentation = typeDocumentation[type] { formats[element] = documentation }
    }
    return formats
  }
  private var elementTypes: [String: String] = [:]
  private var typeDocumentation: [String: String] = [:]

  private static let xsdNamespace = "http://www.w3.org/2001/XMLSchema"

  init(path: String) {
    guard let root = Self.readSchema(path) else { return }
    defer { xmlFreeDoc(root.pointee.doc) }
    targetNamespace = attribute(root, "targetNamespace")
    var child = root.pointee.children
    while let current = child {
      if isXSD(current, "element"), let name = attribute(current, "name") {
        globalElements.append(name)
      }
      child = current.pointee.next
    }
    var visited: Set<String> = [path]
    collectLabels(root, schemaPath: path, visited: &visited)
  }

  /// Parses a schema file; the caller frees `root.pointee.doc`.
  private static func readSchema(_ path: String) -> UnsafeMutablePointer<xmlNode>? {
    let options = Int32(XML_PARSE_NONET.rawValue)
    let collector = IssueCollector()
    let document: xmlDocPtr? = withExtendedLifetime(collector) {
      xmlSetStructuredErrorFunc(collector.opaque, Callbacks.collect)
      defer { xmlSetStructuredErrorFunc(nil, nil) }
      return xmlReadFile(path, nil, options)
    }
    guard let document else { return nil }
    guard let root = xmlDocGetRootElement(document) else {
      xmlFreeDoc(document)
      return nil
    }
    return root
  }

  /// Labels of this schema and of the schemas it includes or imports (relative locations).
  private mutating func collectLabels(
    _ root: UnsafeMutablePointer<xmlNode>, schemaPath: String, visited: inout Set<String>
  ) {
    collectLabels(root)
    var child = root.pointee.children
    while let current = child {
      if isXSD(current, "include") || isXSD(current, "import"),
        let location = attribute(current, "schemaLocation"), !location.contains(":")
      {
        let folder = schemaPath.split(separator: "/", omittingEmptySubsequences: false)
          .dropLast().joined(separator: "/")
        let included = normalisedPath(folder + "/" + location)
        if !visited.contains(included), let includedRoot = Self.readSchema(included) {
          visited.insert(included)
          collectLabels(includedRoot, schemaPath: included, visited: &visited)
          xmlFreeDoc(includedRoot.pointee.doc)
        }
      }
      child = current.pointee.next
    }
  }

  private mutating func collectLabels(_ node: UnsafeMutablePointer<xmlNode>) {
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE {
        if isXSD(current, "element"), let name = attribute(current, "name") {
          if chineseLabels[name] == nil, let label = chineseDocumentation(of: current) {
            chineseLabels[name] = label
          }
          if elementTypes[name] == nil, let type = attribute(current, "type") {
            elementTypes[name] = String(type.split(separator: ":").last ?? Substring(type))
          }
        }
        if isXSD(current, "simpleType"), let name = attribute(current, "name"),
          typeDocumentation[name] == nil,
          let text = chineseDocumentation(of: current, firstClauseOnly: false)
        {
          typeDocumentation[name] = text.split(whereSeparator: { $0 == "；" || $0 == "。" })
            .first.map(String.init) ?? text
        }
        collectLabels(current)
      }
      child = current.pointee.next
    }
  }

  private func chineseDocumentation(
    of element: UnsafeMutablePointer<xmlNode>, firstClauseOnly: Bool = true
  ) -> String? {
    var child = element.pointee.children
    while let current = child {
      if isXSD(current, "annotation") {
        var documentation = current.pointee.children
        while let doc = documentation {
          if isXSD(doc, "documentation"),
            let language = xmlNodeGetLang(doc).map({ pointer -> String in
              defer { onewindow_xml_free(pointer) }
              return String(cString: pointer)
            }), language == "zh", let text = NodePath.textChildren(of: doc)
          {
            return firstClauseOnly ? firstClause(of: text) : text
          }
          documentation = doc.pointee.next
        }
      }
      child = current.pointee.next
    }
    return nil
  }

  /// The label part of a documentation text: up to the first full-width or ASCII separator.
  private func firstClause(of text: String) -> String {
    let trimmed = text.split(whereSeparator: { $0 == "\n" }).first.map(String.init) ?? text
    let stops: Set<Character> = ["：", "。", "；", "，", ":", "(", "（"]
    let label = trimmed.prefix { !stops.contains($0) }
    return String(label).trimmingTrailingWhitespace().drop(while: { $0.isWhitespace }).description
  }

  /// Removes `.` and `..` steps (our entity loader refuses paths that contain them).
  private func normalisedPath(_ path: String) -> String {
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

  private func isXSD(_ node: UnsafeMutablePointer<xmlNode>, _ localName: String) -> Bool {
    guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name,
      let namespace = node.pointee.ns?.pointee.href
    else { return false }
    return String(cString: name) == localName && String(cString: namespace) == Self.xsdNamespace
  }

  private func attribute(_ node: UnsafeMutablePointer<xmlNode>, _ name: String) -> String? {
    guard let value = xmlGetProp(node, name) else { return nil }
    defer { onewindow_xml_free(value) }
    return String(cString: value)
  }
}
