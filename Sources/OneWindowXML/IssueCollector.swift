internal import CLibXML2

/// Receives libxml2's structured errors for one synchronous call on one thread.
///
/// Not `Sendable`: it is owned by a ``PacketValidator`` or a schema compile and only touched by
/// the thread running the libxml2 call it was registered for.
final class IssueCollector {
  var issues: [XMLIssue] = []
  var sawDoctype = false
  /// The stage attributed to issues arriving through the shared (thread-local) channel.
  var stage: XMLIssue.Stage = .parser

  var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  static func from(_ pointer: UnsafeMutableRawPointer) -> IssueCollector {
    Unmanaged<IssueCollector>.fromOpaque(pointer).takeUnretainedValue()
  }

  func reset(stage: XMLIssue.Stage) {
    issues.removeAll(keepingCapacity: true)
    sawDoctype = false
    self.stage = stage
  }

  /// Copies everything out of `error` now: the error and its node die when the callback returns.
  func add(_ error: UnsafeMutablePointer<xmlError>, stage: XMLIssue.Stage) {
    let raw = error.pointee
    let message = raw.message.map { String(cString: $0) } ?? ""
    var issue = XMLIssue(
      stage: stage,
      code: Int(raw.code),
      level: XMLIssue.Level(rawValue: Int(raw.level.rawValue)) ?? .error,
      message: message.trimmingTrailingWhitespace(),
      line: Int(raw.line),
      column: stage == .parser ? Int(raw.int2) : 0,
      file: raw.file.map { String(cString: $0) })
    if let node = raw.node?.assumingMemoryBound(to: xmlNode.self) {
      issue.path = NodePath.path(of: node)
      let nodeLine = NodePath.line(of: node)
      if nodeLine > 0 { issue.line = nodeLine }
      // Attribute errors name the attribute in the message but point at its element.
      if node.pointee.type == XML_ELEMENT_NODE, let attribute = issue.details.attribute {
        issue.path = (issue.path ?? "") + "/@" + attribute
        issue.value = issue.details.value ?? NodePath.attributeValue(named: attribute, of: node)
      } else {
        issue.value = issue.details.value ?? NodePath.simpleValue(of: node)
      }
    } else {
      issue.value = issue.details.value
    }
    issues.append(issue)
  }
}

/// C callbacks: non-capturing closures, so they convert to `@convention(c)` pointers.
enum Callbacks {
  /// For handlers registered with our collector as user data (schema validity, schema compile,
  /// and the thread-local global channel).
  static let collect: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = IssueCollector.from(userData)
    collector.add(error, stage: stage(ofDomain: error.pointee.domain, default: collector.stage))
  }

  /// For the parser context's `sax->serror`: libxml2 passes the parser context as user data, so
  /// the collector rides in `ctxt->_private`.
  static let collectFromParser: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let collectorPointer = context.pointee._private else { return }
    IssueCollector.from(collectorPointer).add(error, stage: .parser)
  }

  /// `sax->internalSubset` fires on `<!DOCTYPE name …` before any declaration is read: stop.
  static let stopAtDoctype: internalSubsetSAXFunc = { userData, _, _, _ in
    guard let userData else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    if let collectorPointer = context.pointee._private {
      IssueCollector.from(collectorPointer).sawDoctype = true
    }
    xmlStopParser(context)
  }

  private static func stage(ofDomain domain: Int32, default fallback: XMLIssue.Stage)
    -> XMLIssue.Stage
  {
    switch xmlErrorDomain(rawValue: UInt32(domain)) {
    case XML_FROM_SCHEMASV: return .schema
    case XML_FROM_SCHEMASP: return .schemaCompile
    case XML_FROM_PARSER, XML_FROM_NAMESPACE, XML_FROM_IO: return fallback == .schemaCompile ? .schemaCompile : .parser
    default: return fallback
    }
  }
}

extension String {
  func trimmingTrailingWhitespace() -> String {
    var result = self
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return result
  }
}
