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
/// Parsing is hardened: no network, no entity substitution, no DTD loading, no XInclude, no
/// recovery; any DOCTYPE is rejected; size, depth and attribute counts are bounded first.
/// libxml2 reports only through structured handlers, so it never prints.
package final class PacketValidator {
  package let schemas: SchemaSet
  package let limits: ParseLimits

  private let parserContext: UnsafeMutablePointer<xmlParserCtxt>
  private var validContexts: [OpaquePointer?]
  private let collector = IssueCollector()

  /// `XML_PARSE_NONET | BIG_LINES | COMPACT`; never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE,
  /// HUGE or RECOVER.
  static let parseOptions: Int32 =
    Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)
    | Int32(XML_PARSE_COMPACT.rawValue)

  /// - Returns: nil only when libxml2 cannot allocate a parser context.
  package init?(schemas: SchemaSet, limits: ParseLimits = ParseLimits()) {
    _ = LibXMLRuntime.ready
    guard let context = xmlNewParserCtxt() else { return nil }
    self.schemas = schemas
    self.limits = limits
    self.parserContext = context
    self.validContexts = Array(repeating: nil, count: schemas.entries.count)
    context.pointee._private = collector.opaque
    context.pointee.sax.pointee.serror = Callbacks.collectFromParser
    context.pointee.sax.pointee.internalSubset = Callbacks.stopAtDoctype
  }

  deinit {
    for context in validContexts {
      if let context { xmlSchemaFreeValidCtxt(context) }
    }
    xmlFreeParserCtxt(parserContext)
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
    var result = XMLCheck<Mapped>()
    collector.reset(stage: .parser)

    if bytes.count > limits.maxBytes {
      result.issues.append(
        XMLIssue(
          stage: .policy, code: PolicyViolation.tooLarge.rawValue, level: .fatal,
          message: "packet is \(bytes.count) bytes, the limit is \(limits.maxBytes)"))
      return result
    }

    switch SniffedEncoding(bytes) {
    case .asciiCompatible:
      return parseAndValidate(bytes, name: name, encoding: nil, into: result, map: map)
    case .utf32:
      result.issues.append(
        XMLIssue(
          stage: .policy, code: PolicyViolation.unsupportedEncoding.rawValue, level: .fatal,
          message: "UTF-32 packets are not accepted; use UTF-8", line: 1))
      return result
    case .utf16LittleEndian(let hasBOM), .utf16BigEndian(let hasBOM):
      var littleEndian = false
      if case .utf16LittleEndian = SniffedEncoding(bytes) { littleEndian = true }
      guard
        let utf8 = transcodeUTF16ToUTF8(bytes, littleEndian: littleEndian, skipBOM: hasBOM)
      else {
        result.issues.append(
          XMLIssue(
            stage: .policy, code: PolicyViolation.invalidUTF16.rawValue, level: .fatal,
            message: "the packet looks like UTF-16 but does not decode as UTF-16", line: 1))
        return result
      }
      return utf8.withUnsafeBytes {
        parseAndValidate($0, name: name, encoding: "UTF-8", into: result, map: map)
      }
    }
  }

  private func parseAndValidate<Mapped>(
    _ bytes: UnsafeRawBufferPointer, name: String, encoding: String?,
    into initial: XMLCheck<Mapped>, map: (XMLElementView, SchemaEntry) -> Mapped
  ) -> XMLCheck<Mapped> {
    var result = initial
    if let violation = PreScan(limits: limits).firstViolation(in: bytes) {
      result.issues.append(violation)
      return result
    }
    guard let base = bytes.baseAddress, bytes.count > 0 else {
      result.issues.append(
        XMLIssue(
          stage: .parser, code: Int(XML_ERR_DOCUMENT_EMPTY.rawValue), level: .fatal,
          message: "Document is empty", line: 1))
      return result
    }

    // Anything libxml2 reports outside the parser context (rare) lands in the collector too.
    xmlSetStructuredErrorFunc(collector.opaque, Callbacks.collect)
    defer { xmlSetStructuredErrorFunc(nil, nil) }

    let document = xmlCtxtReadMemory(
      parserContext, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), name,
      encoding, Self.parseOptions)
    defer { if let document { xmlFreeDoc(document) } }

    if collector.sawDoctype || document?.pointee.intSubset != nil
      || document?.pointee.extSubset != nil
    {
      result.issues.append(
        XMLIssue(
          stage: .policy, code: PolicyViolation.doctype.rawValue, level: .fatal,
          message: "DOCTYPE and other markup declarations are not allowed",
          line: Int(parserContext.pointee.input?.pointee.line ?? 1)))
      return result
    }
    result.issues.append(contentsOf: collector.issues)
    collector.reset(stage: .schema)

    guard let document, !result.issues.contains(where: { $0.level >= .error }) else {
      if result.issues.isEmpty {
        result.issues.append(
          XMLIssue(
            stage: .parser, code: Int(XML_ERR_INTERNAL_ERROR.rawValue), level: .fatal,
            message: "the packet could not be parsed", line: 1))
      }
      return result
    }
    result.wellFormed = true

    guard let rootNode = xmlDocGetRootElement(document) else { return result }
    let rootView = XMLElementView(node: rootNode)
    let root = QualifiedName(namespace: rootView.namespaceURI, localName: rootView.localName)
    result.root = root
    result.rootLine = rootView.line
    guard let index = schemas.index(for: root), let validContext = validContext(at: index) else {
      return result
    }
    result.schemaIndex = index

    let status = xmlSchemaValidateDoc(validContext, document)
    // Identity-constraint errors (key, keyref, unique) arrive without a node: find it by line.
    for index in collector.issues.indices where collector.issues[index].path == nil {
      let issue = collector.issues[index]
      if issue.line > 0, let name = MessageElement.localName(in: issue.message),
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

  private func validContext(at index: Int) -> OpaquePointer? {
    if let existing = validContexts[index] { return existing }
    guard let context = xmlSchemaNewValidCtxt(schemas.entries[index].compiled.pointer) else {
      return nil
    }
    xmlSchemaSetValidStructuredErrors(context, Callbacks.collect, collector.opaque)
    validContexts[index] = context
    return context
  }
}
