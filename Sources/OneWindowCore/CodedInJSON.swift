/// An enumeration written in JSON as its XSD-style code (`ACCEPTED`, `COULD_NOT_RUN`,
/// `CORRECTION_REQUESTED`), whatever its Swift raw value (which text reports and the registry's
/// tables keep). Decoding takes the code or the raw value.
public protocol CodedInJSON: RawRepresentable<String>, Codable, CaseIterable {}

extension CodedInJSON {
  /// The code: the raw value in upper case with `-` as `_`.
  public var code: String {
    String(rawValue.uppercased().map { $0 == "-" ? "_" : $0 })
  }

  /// The case whose code or raw value is `text`.
  public init?(code text: String) {
    guard let found = Self.allCases.first(where: { $0.code == text || $0.rawValue == text }) else { return nil }
    self = found
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = Self(code: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\(text) is not one of \(Self.allCases.map(\.code).joined(separator: ", "))")
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(code)
  }
}
