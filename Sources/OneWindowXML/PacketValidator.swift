internal import CLibXML2

/// What checking one packet's bytes produced.
package struct XMLCheck<Mapped> {
  /// Everything found, in the order it was found.
  package var issues: [XMLIssue] = []
  /// The root element, when the bytes parsed.
  package var root: QualifiedName?
  /// The root element's line.
  package var rootLine = 0
  /// The matching entry schema's index in the ``SchemaSet``, nil for an unknown root.
  package var schemaIndex: Int?
  /// The packet parsed without an error.
  package var wellFormed = false
  /// The packet is well-formed, its root is known, and its schema accepts it.
  package var schemaValid = false
  /// Whatever the caller's `map` closure built from the valid tree.
  package var mapped: Mapped?
}

extension XMLCheck: Sendable where Mapped: Sendable {}

/// Parses and schema-validates packets. One per thread or task; never shared.
///
/// Parsing is hardened (see ``HardenedParser``): no network, no entity substitution, no DTD
/// loading, no XInclude, no recovery; any DOCTYPE is rejected; size, depth and attribute counts
/// are bounded first. libxml2 reports only through structured handlers, so it never prints.
package final class PacketValidator {
  package let schemas: SchemaSet
  package var limits: ParseLimits { parser.limits }

  private let parser: HardenedParser
  private var validContexts: [OpaquePointer?]
  /// Validation contexts of the schemas parts are checked against, by schema path, each with its
  /// schema (held so the context never outlives it).
  private var partContexts: [String: (schema: CompiledSchema, context: OpaquePointer)] = [:]
  private var collector: IssueCollector { parser.collector }

  /// - Returns: nil only when libxml2 cannot allocate a parser context.
  package init?(schemas: SchemaSet, limits: ParseLimits = ParseLimits()) {
    guard let parser = HardenedParser(limits: limits) else { return nil }
    self.schemas = schemas
    self.parser = parser
    self.validContexts = Array(repeating: nil, count: schemas.entries.count)
  }

  deinit {
    for context in validContexts {
      if let context { xmlSchemaFreeValidCtxt(context) }
    }
    for entry in partContexts.values { xmlSchemaFreeValidCtxt(entry.context) }
  }

  /// Validates one element of a document being mapped (a generic bundle's track part) against
  /// another schema, whose global declarations must include it. Lines and paths are the
  /// document's. Call it only from the `map` closure of ``check(_:name:map:)``.
  package func validate(_ element: XMLElementView, against schema: CompiledSchema) -> [XMLIssue] {
    collector.reset(stage: .schema)
    let context: OpaquePointer
    if let existing = partContexts[schema.path], existing.schema === schema {
      context = existing.context
    } else {
      if let stale = partContexts.removeValue(forKey: schema.path) { xmlSchemaFreeValidCtxt(stale.context) }
      guard let created = xmlSchemaNewValidCtxt(schema.pointer) else {
        return [XMLIssue(stage: .schema, code: 0, level: .fatal, message: "libxml2 could not make a validation context")]
      }
      xmlSchemaSetValidStructuredErrors(created, Callbacks.collect, collector.opaque)
      partContexts[schema.path] = (schema, created)
      context = created
    }
    let status = xmlSchemaValidateOneElement(context, element.node)
    var issues = collector.issues
    if status < 0 {
      issues.append(
        XMLIssue(
          stage: .schema, code: Int(status), level: .fatal,
          message: "libxml2 could not validate this element (internal error \(status))"))
    }
    return issues
  }

  /// Checks one packet.
  ///
  /// - Parameters:
  ///   - bytes: the packet as received.
  ///   - name: how reports name it (a path, or `<stdin>`).
  ///   - map: builds a value from the root of a schema-valid document; it runs while the document
  ///     is alive and its ``XMLElementView``s must not escape it.
  package func check<Mapped>(
    _ bytes: UnsafeRawBufferPointer, name: String,
    map: (XMLElementView, SchemaEntry) -> Mapped
  ) -> XMLCheck<Mapped> {
    let parsed = parser.withDocument(bytes, name: name) { document in
      validate(document, map: map)
    }
    guard var result = parsed.value else { return XMLCheck(issues: parsed.issues) }
    result.issues = parsed.issues + result.issues
    return result
  }

  /// Schema-validates a well-formed document; the result's issues are the schema stage's only.
  private func validate<Mapped>(
    _ document: UnsafeMutablePointer<xmlDoc>, map: (XMLElementView, SchemaEntry) -> Mapped
  ) -> XMLCheck<Mapped> {
    var result = XMLCheck<Mapped>()
    collector.reset(stage: .schema)
    result.wellFormed = true

    guard let rootNode = xmlDocGetRootElement(document) else { return result }
    let rootView = XMLElementView(node: rootNode)
    let root = QualifiedName(namespace: rootView.namespaceURI, localName: rootView.localName)
    result.root = root
    result.rootLine = rootView.line
    guard let index = schemas.index(for: root) else { return result }
    result.schemaIndex = index
    let validContext: OpaquePointer
    do throws(SchemaCompileError) {
      guard let context = try self.validContext(at: index) else {
        result.schemaIndex = nil
        return result
      }
      validContext = context
    } catch {
      // Only for a schema compiled on first use that no longer compiles.
      result.issues.append(
        XMLIssue(stage: .schemaCompile, code: 0, level: .fatal, message: error.summary, file: error.path))
      return result
    }

    let status = xmlSchemaValidateDoc(validContext, document)
    // Identity-constraint errors (key, keyref, unique) arrive without a node: find it by line.
    for index in collector.issues.indices where collector.issues[index].path == nil {
      let issue = collector.issues[index]
      if issue.line > 0, let name = issue.details.elementLocalName,
        let node = NodePath.element(named: name, atLine: issue.line, under: rootNode)
      {
        collector.issues[index].path = NodePath.path(of: node)
      }
    }
    result.issues.append(contentsOf: collector.issues)
    if status < 0 {
      result.issues.append(
        XMLIssue(
          stage: .schema, code: Int(status), level: .fatal,
          message: "libxml2 could not validate this document (internal error \(status))"))
      return result
    }
    guard status == 0, !collector.issues.contains(where: { $0.level >= .error }) else {
      return result
    }
    result.schemaValid = true
    result.mapped = map(rootView, schemas.entries[index])
    return result
  }

  private func validContext(at index: Int) throws(SchemaCompileError) -> OpaquePointer? {
    if let existing = validContexts[index] { return existing }
    guard let context = xmlSchemaNewValidCtxt(try schemas.entries[index].compiled().pointer) else {
      return nil
    }
    xmlSchemaSetValidStructuredErrors(context, Callbacks.collect, collector.opaque)
    validContexts[index] = context
    return context
  }
}
