/// One problem libxml2 (or our own guard in front of it) found in a document.
///
/// A value copied out of libxml2's `xmlError` inside the callback: it owns no C memory and can
/// cross threads.
package struct XMLIssue: Sendable, Hashable {
  /// Which step found the problem.
  package enum Stage: String, Sendable {
    /// Our guard before libxml2 sees the bytes (DOCTYPE, size, depth, attributes, encoding).
    case policy
    /// Well-formedness, reported by libxml2's parser.
    case parser
    /// XSD validity, reported by libxml2's schema validator.
    case schema
    /// Compiling a schema.
    case schemaCompile
  }

  /// libxml2's error level.
  package enum Level: Int, Sendable, Comparable {
    case warning = 1
    case error = 2
    case fatal = 3

    package static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  package var stage: Stage
  /// libxml2's error code, or a ``PolicyViolation`` raw value for the policy stage.
  package var code: Int
  package var level: Level
  /// The message as libxml2 wrote it (English), without the trailing newline.
  package var message: String
  /// 1-based line, or 0 when unknown.
  package var line: Int
  /// 1-based column for parser errors, 0 when unknown.
  package var column: Int
  /// Element path such as `/AddressPreFiling/Units/Unit[2]/Area`, when a node is known.
  package var path: String?
  /// The offending value, when libxml2 names it or the node holds it.
  package var value: String?
  /// The file libxml2 was reading (schema compile errors).
  package var file: String?
  /// What the message says, read once when the issue is made.
  package var details: MessageDetails

  package init(
    stage: Stage, code: Int, level: Level, message: String, line: Int = 0, column: Int = 0,
    path: String? = nil, value: String? = nil, file: String? = nil
  ) {
    self.stage = stage
    self.code = code
    self.level = level
    self.message = message
    self.line = line
    self.column = column
    self.path = path
    self.value = value
    self.file = file
    self.details = MessageDetails.parse(message, stage: stage, code: code)
  }
}

/// Problems our own guard reports before libxml2 parses anything.
package enum PolicyViolation: Int, Sendable, CaseIterable {
  /// A DOCTYPE or other markup declaration: DTDs and entities are never processed.
  case doctype = 1
  /// The packet is larger than the configured limit.
  case tooLarge = 2
  /// Elements are nested deeper than the configured limit.
  case tooDeep = 3
  /// One start tag carries more attributes than the configured limit.
  case tooManyAttributes = 4
  /// UTF-16 input that does not decode.
  case invalidUTF16 = 5
  /// UTF-32 or another encoding we do not read.
  case unsupportedEncoding = 6
}
