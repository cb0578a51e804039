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
    if lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix }
    let left = Int(lhs.rawValue.drop { $0 != "-" }.dropFirst()) ?? 0
    let right = Int(rhs.rawValue.drop { $0 != "-" }.dropFirst()) ?? 0
    return left != right ? left < right : lhs.rawValue < rhs.rawValue
  }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
