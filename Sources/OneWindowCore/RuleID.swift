/// The stable identity of a finding: a business rule (`FL-004`), a well-formedness or schema
/// error (`XML-76`, `XSD-1871`, carrying libxml2's code).
///
/// A rule id is never reused once retired.
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }

  /// The part before the dash (`FL`, `XSD`).
  public var prefix: Substring { rawValue.prefix { $0 != "-" } }

  /// True for business-rule ids: 2–4 capital letters, a dash, 3 digits.
  public var isRuleShaped: Bool {
    let parts = rawValue.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let letters = parts[0]
    let digits = parts[1]
    return (2...4).contains(letters.count) && letters.allSatisfy { $0.isASCII && $0.isUppercase }
      && digits.count == 3 && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// Ids order by prefix, then numerically (`XSD-9` before `XSD-1839`).
  public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
    if let ordered = asciiLess(lhs.rawValue, rhs.rawValue) { return ordered }
    if lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix }
    let left = Int(lhs.rawValue.drop { $0 != "-" }.dropFirst()) ?? 0
    let right = Int(rhs.rawValue.drop { $0 != "-" }.dropFirst()) ?? 0
    return left != right ? left < right : lhs.rawValue < rhs.rawValue
  }

  /// `<` on the bytes, for the usual ids (ASCII, and nothing or only digits after the dash);
  /// nil for anything else, which takes the general path. Reports sort many findings.
  private static func asciiLess(_ lhs: String, _ rhs: String) -> Bool? {
    /// The bytes before the first dash, and the number after it.
    func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> (prefix: Slice<UnsafeBufferPointer<UInt8>>, number: Int)? {
      var dash = bytes.count
      for (index, byte) in bytes.enumerated() {
        guard byte < 0x80, byte != 0x0D else { return nil }
        if byte == UInt8(ascii: "-"), dash == bytes.count { dash = index }
      }
      let digits = bytes[min(dash + 1, bytes.count)...]
      guard digits.count <= 18, digits.allSatisfy(ASCIIText.isDigit) else { return nil }
      return (bytes[..<dash], digits.reduce(0) { $0 * 10 + Int($1 - 0x30) })
    }
    var lhs = lhs
    var rhs = rhs
    return lhs.withUTF8 { left in
      rhs.withUTF8 { right -> Bool? in
        guard let leftParts = parts(left), let rightParts = parts(right) else { return nil }
        if !leftParts.prefix.elementsEqual(rightParts.prefix) {
          return leftParts.prefix.lexicographicallyPrecedes(rightParts.prefix)
        }
        if leftParts.number != rightParts.number { return leftParts.number < rightParts.number }
        return left.lexicographicallyPrecedes(right)
      }
    }
  }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
