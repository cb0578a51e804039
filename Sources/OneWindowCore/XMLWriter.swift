/// A tiny XML writer with escaping, for the packets OneWindow produces.
package struct XMLWriter {
  package private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  private var depth = 0

  package init() {}

  package static func escape(_ value: String) -> String {
    guard needsEscaping(value) else { return value }
    var out = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      default: appendVisible(scalar, to: &out)
      }
    }
    return String(out)
  }

  /// Appends `scalar`, or `\u{…}` for one XML 1.0 has no place for (a control character other
  /// than tab, newline and carriage return; U+FFFE; U+FFFF).
  private static func appendVisible(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
    if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
      || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    {
      out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
    } else {
      out.append(scalar)
    }
  }

  /// Whether `escape` would change anything: a byte of `&<>"`, a control character other than
  /// tab, newline and carriage return, or U+FFFE or U+FFFF. Without one, every character is
  /// appended as it is.
  private static func needsEscaping(_ value: String) -> Bool {
    var value = value
    return value.withUTF8 { bytes in
      for (index, byte) in bytes.enumerated() {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
        case 0x09, 0x0A, 0x0D: continue
        case 0..<0x20: return true
        case 0xEF:
          if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
            return true
          }
        default: continue
        }
      }
      return false
    }
  }

  private func attributeText(_ attributes: KeyValuePairs<String, String>) -> String {
    attributes.map { " \($0.key)=\"\(Self.escape($0.value))\"" }.joined()
  }

  package mutating func open(_ name: String, attributes: KeyValuePairs<String, String> = [:]) {
    text += String(repeating: "  ", count: depth) + "<\(name)\(attributeText(attributes))>\n"
    depth += 1
  }

  package mutating func close(_ name: String) {
    depth -= 1
    text += String(repeating: "  ", count: depth) + "</\(name)>\n"
  }

  package mutating func element(_ name: String, _ value: String, attributes: KeyValuePairs<String, String> = [:]) {
    text += String(repeating: "  ", count: depth) + "<\(name)\(attributeText(attributes))>\(Self.escape(value))</\(name)>\n"
  }

  /// `maxLength` of the common schema's `LongText` and `ShortText`: text from a packet (a
  /// libxml2 message quoting a huge value, the path of an overlong element name) is cut to fit.
  package static let longText = 2000
  package static let shortText = 100

  /// An element whose text holds at most `limit` characters once parsed (Unicode scalars, as
  /// XSD's `maxLength` counts them): control characters are first spelt `\u{…}` as `escape`
  /// does, then overlong text is cut and ends in "…".
  package mutating func element(_ name: String, _ value: String, limit: Int) {
    element(name, Self.clipped(value, to: limit))
  }

  package static func clipped(_ value: String, to limit: Int) -> String {
    var visible = String.UnicodeScalarView()
    for scalar in value.unicodeScalars { appendVisible(scalar, to: &visible) }
    guard visible.count > limit else { return String(visible) }
    return String(String.UnicodeScalarView(visible.prefix(limit - 1))) + "…"
  }


  package mutating func empty(_ name: String, attributes: KeyValuePairs<String, String> = [:]) {
    text += String(repeating: "  ", count: depth) + "<\(name)\(attributeText(attributes))/>\n"
  }
}
