/// What a libxml2 message says, read once when the issue is collected: every later use (the
/// path of an identity-constraint error, the Chinese message, the offending value) reads these
/// fields instead of parsing the English text again.
package struct MessageDetails: Sendable, Hashable {
  /// The element a schema message names (`Element '{urn:…}Area'` → `{urn:…}Area`).
  package var element: String?
  /// The attribute it names (`…, attribute 'colour': …`).
  package var attribute: String?
  /// The value it quotes (`The value '…'`, `key-sequence ['…']`, `…: '…' is not a valid value`).
  package var value: String?
  /// The expected elements of a content-model error, as written (`a, b` of `Expected is ( a, b )`).
  package var expected: String?
  /// A content-model error about a missing child (rather than an unexpected element).
  package var missingChild = false
  /// The type a value fails (`type 'xs:date'`).
  package var type: String?
  /// A facet's bound (length, minimum, maximum, digits).
  package var bound: String?
  /// The allowed set of an enumeration (`set {…}`).
  package var set: String?
  /// A missing required attribute (`The attribute 'id' is required`).
  package var requiredAttribute: String?
  /// A keyref with no matching key (`No match found`).
  package var noMatch = false
  /// The repeated attribute of a well-formedness error (`Attribute x redefined`).
  package var repeatedAttribute: String?
  /// The start tag of a tag mismatch (`Opening and ending tag mismatch: A line 3 and B`).
  package var openedTag: String?
  /// The end tag of a tag mismatch.
  package var closedTag: String?
  /// Bytes that are not UTF-8 without a declared encoding.
  package var notUTF8 = false
  /// The parser's own depth limit.
  package var excessiveDepth = false

  package init() {}

  /// The element's local name (`Area`).
  package var elementLocalName: String? { element.map(Self.localName) }

  package static func localName(_ qualified: String) -> String {
    guard let brace = qualified.lastIndex(of: "}") else { return qualified }
    return String(qualified[qualified.index(after: brace)...])
  }

  /// Reads a message of `stage` with libxml2 `code`.
  package static func parse(_ message: String, stage: XMLIssue.Stage, code: Int) -> MessageDetails {
    var details = MessageDetails()
    switch stage {
    case .parser:
      details.notUTF8 = code == 9 && contains("not proper UTF-8", in: message)
      details.excessiveDepth = code == 1 && contains("Excessive depth", in: message)
      if code == 41 { details.repeatedAttribute = between("Attribute ", " ", in: message) }
      if code == 76 {
        details.openedTag = between("mismatch: ", " line", in: message)
        details.closedTag = message.split(separator: " ").last.map(String.init)
      }
    case .schema, .schemaCompile:
      details.element = between("Element '", "'", in: message)
      details.attribute = between("', attribute '", "'", in: message)
      details.value = offendingValue(in: message)
      switch code {
      case 1871:
        details.missingChild = contains("Missing child element", in: message)
        details.expected = between("Expected is ( ", " )", in: message) ?? between("Expected is one of ( ", " )", in: message)
      case 1824, 1825, 1826: details.type = between("type '", "'", in: message)
      case 1830: details.bound = between("allowed length of '", "'", in: message)
      case 1831: details.bound = between("minimum length of '", "'", in: message)
      case 1832: details.bound = between("maximum length of '", "'", in: message)
      case 1833, 1834, 1837, 1838: details.bound = between("allowed ('", "')", in: message)
      case 1835: details.bound = between("greater than '", "'", in: message)
      case 1836: details.bound = between("less than '", "'", in: message)
      case 1840: details.set = between("set {", "}", in: message)
      case 1868: details.requiredAttribute = between("The attribute '", "'", in: message)
      case 1877: details.noMatch = contains("No match found", in: message)
      default: break
      }
    case .policy:
      break
    }
    return details
  }

  /// The value a validity message quotes, clipped for reports.
  static func offendingValue(in message: String) -> String? {
    if let value = between("The value '", "'", in: message) { return OffendingValue.clip(value) }
    if let value = between("key-sequence ['", "']", in: message) { return OffendingValue.clip(value) }
    // "…: 'abc' is not a valid value of the atomic type 'xs:date'."
    if let value = between("': '", "' is not a valid value", in: message) { return OffendingValue.clip(value) }
    return nil
  }

  /// The text between the first `start` and the next `end` after it, searched byte by byte.
  static func between(_ start: StaticString, _ end: StaticString, in text: String) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      guard let open = find(start, in: bytes, from: 0) else { return nil }
      let from = open + start.utf8CodeUnitCount
      guard let close = find(end, in: bytes, from: from) else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<close]), as: UTF8.self)
    }
  }

  static func contains(_ pattern: StaticString, in text: String) -> Bool {
    var text = text
    return text.withUTF8 { find(pattern, in: $0, from: 0) != nil }
  }

  /// The offset of the first `pattern` at or after `start`.
  private static func find(_ pattern: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let length = pattern.utf8CodeUnitCount
    guard length > 0, bytes.count >= length else { return nil }
    let first = pattern.utf8Start[0]
    var index = start
    while index + length <= bytes.count {
      if bytes[index] == first {
        var matches = true
        var offset = 1
        while offset < length {
          if bytes[index + offset] != pattern.utf8Start[offset] {
            matches = false
            break
          }
          offset += 1
        }
        if matches { return index }
      }
      index += 1
    }
    return nil
  }
}
