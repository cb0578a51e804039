internal import CLibXML2

/// What parsing one packet's bytes found, and what the caller did with the document.
struct HardenedParse<Value> {
  /// Policy and parser issues, in the order they were found.
  var issues: [XMLIssue] = []
  /// The body's value; nil unless the bytes parsed without an error.
  var value: Value?
}

/// Parses packet bytes into a libxml2 document with the hardening every packet gets.
///
/// No network, no entity substitution, no DTD loading, no XInclude, no recovery; any DOCTYPE is
/// rejected; size, depth and attribute counts are bounded first; UTF-16 is transcoded to UTF-8.
/// libxml2 reports only through structured handlers, so it never prints. One per thread or
/// task; never shared. The document lives only while the body runs.
final class HardenedParser {
  let limits: ParseLimits
  /// Receives the parser's issues, and (during the body) anything on the thread-local channel.
  let collector = IssueCollector()
  private let context: UnsafeMutablePointer<xmlParserCtxt>

  /// `XML_PARSE_NONET | BIG_LINES | COMPACT | NOBLANKS` (whitespace between elements is not kept as
  /// text nodes: fewer nodes to build, validate and free; leaf text is kept as written); never
  /// NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE,
  /// HUGE or RECOVER.
  static let parseOptions: Int32 =
    Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)
    | Int32(XML_PARSE_COMPACT.rawValue) | Int32(XML_PARSE_NOBLANKS.rawValue)

  /// - Returns: nil only when libxml2 cannot allocate a parser context.
  init?(limits: ParseLimits) {
    _ = LibXMLRuntime.ready
    guard let context = xmlNewParserCtxt() else { return nil }
    self.limits = limits
    self.context = context
    context.pointee._private = collector.opaque
    context.pointee.sax.pointee.serror = Callbacks.collectFromParser
    context.pointee.sax.pointee.internalSubset = Callbacks.stopAtDoctype
  }

  deinit {
    xmlFreeParserCtxt(context)
  }

  /// Parses `bytes` and, when they parse without an error, hands the document to `body`.
  ///
  /// The document is freed when `body` returns; nothing from it may escape. While `body` runs,
  /// libxml2's thread-local error channel still points at ``collector`` (reset it to the stage
  /// the body works in).
  ///
  /// - Parameters:
  ///   - bytes: the packet as received.
  ///   - name: how issues name it (a path, or `<stdin>`).
  func withDocument<Value>(
    _ bytes: UnsafeRawBufferPointer, name: String,
    _ body: (UnsafeMutablePointer<xmlDoc>) -> Value
  ) -> HardenedParse<Value> {
    collector.reset(stage: .parser)
    if bytes.count > limits.maxBytes {
      return HardenedParse(issues: [
        XMLIssue(
          stage: .policy, code: PolicyViolation.tooLarge.rawValue, level: .fatal,
          message: "packet is \(bytes.count) bytes, the limit is \(limits.maxBytes)")
      ])
    }
    let sniffed = SniffedEncoding(bytes)
    switch sniffed {
    case .asciiCompatible:
      return parse(bytes, name: name, encoding: nil, body)
    case .utf32:
      return HardenedParse(issues: [
        XMLIssue(
          stage: .policy, code: PolicyViolation.unsupportedEncoding.rawValue, level: .fatal,
          message: "UTF-32 packets are not accepted; use UTF-8", line: 1)
      ])
    case .utf16LittleEndian(let hasBOM), .utf16BigEndian(let hasBOM):
      var littleEndian = false
      if case .utf16LittleEndian = sniffed { littleEndian = true }
      guard
        let utf8 = transcodeUTF16ToUTF8(bytes, littleEndian: littleEndian, skipBOM: hasBOM)
      else {
        return HardenedParse(issues: [
          XMLIssue(
            stage: .policy, code: PolicyViolation.invalidUTF16.rawValue, level: .fatal,
            message: "the packet looks like UTF-16 but does not decode as UTF-16", line: 1)
        ])
      }
      return utf8.withUnsafeBytes { parse($0, name: name, encoding: "UTF-8", body) }
    }
  }

  private func parse<Value>(
    _ bytes: UnsafeRawBufferPointer, name: String, encoding: String?,
    _ body: (UnsafeMutablePointer<xmlDoc>) -> Value
  ) -> HardenedParse<Value> {
    var result = HardenedParse<Value>()
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

    // Anything libxml2 reports outside the parser context (rare) lands in the collector too;
    // the thread's own handlers are back when this returns.
    let saved = onewindow_enter(Callbacks.collect, collector.opaque)
    defer { onewindow_leave(saved) }

    let document = xmlCtxtReadMemory(
      context, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), name, encoding,
      Self.parseOptions)
    defer { if let document { xmlFreeDoc(document) } }

    if collector.sawDoctype || document?.pointee.intSubset != nil
      || document?.pointee.extSubset != nil
    {
      result.issues.append(
        XMLIssue(
          stage: .policy, code: PolicyViolation.doctype.rawValue, level: .fatal,
          message: "DOCTYPE and other markup declarations are not allowed",
          line: Int(context.pointee.input?.pointee.line ?? 1)))
      return result
    }
    result.issues.append(contentsOf: collector.issues)

    guard let document, !result.issues.contains(where: { $0.level >= .error }) else {
      if result.issues.isEmpty {
        result.issues.append(
          XMLIssue(
            stage: .parser, code: Int(XML_ERR_INTERNAL_ERROR.rawValue), level: .fatal,
            message: "the packet could not be parsed", line: 1))
      }
      return result
    }
    result.value = body(document)
    return result
  }
}
