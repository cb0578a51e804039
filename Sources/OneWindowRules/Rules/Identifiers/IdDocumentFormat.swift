public import OneWindowCore

/// An identity document number has the format of its type.
///
/// Finding: an error at each document whose number does not fit its type: 18 characters for a
/// 居民身份证; 810000/820000 or 830000 address codes for residence permits; H or M and 8 or 10
/// digits for a Hong Kong or Macao permit; 8 digits for a Taiwan permit; 5 to 17 letters and
/// digits for a passport.
public struct IdDocumentFormat: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-005", severity: .error, category: .identifier,
    summary: LocalizedText("证件号码符合其证件类型的格式。", "An identity document number fits its document type."),
    message: LocalizedText("证件号码与证件类型不符", "the document number does not fit the document type"),
    hint: LocalizedText("请核对所选的证件类型与证件号码是否对应。", "Check that the document type chosen matches the number."),
    legalBasis: LegalBasis.cite(
      "GB 11643-1999；《港澳台居民居住证申领发放办法》；《促进个体工商户发展条例》第三十七条",
      "GB 11643-1999; measures on residence permits for Hong Kong, Macao and Taiwan residents; individual business regulation art. 37"))
  public static let appliesTo = PacketKind.filings

  public init() {}

  static func fits(_ document: IdDocument) -> Bool {
    let number = document.number
    if let fits = ASCIIText.withBytes(number, { bytes in Self.fits(bytes, type: document.type) }) { return fits }
    let digits = number.allSatisfy { $0.isASCII && $0.isNumber }
    switch document.type {
    case .residentId:
      return number.count == 18 && number.dropLast().allSatisfy { $0.isASCII && $0.isNumber }
        && (number.last?.isNumber == true || number.last == "X")
    case .hkMoResidence:
      return number.count == 18 && (number.hasPrefix("810000") || number.hasPrefix("820000"))
    case .twResidence:
      return number.count == 18 && number.hasPrefix("830000")
    case .hkMoPermit:
      let rest = number.dropFirst()
      return (number.first == "H" || number.first == "M") && (rest.count == 8 || rest.count == 10)
        && rest.allSatisfy { $0.isASCII && $0.isNumber }
    case .twPermit:
      return number.count == 8 && digits
    case .passport:
      return (5...17).contains(number.count)
    }
  }

  /// ``fits(_:)`` for a number whose characters are single ASCII bytes.
  static func fits(_ bytes: UnsafeBufferPointer<UInt8>, type: IdDocumentType) -> Bool {
    func digits(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> Bool { slice.allSatisfy(ASCIIText.isDigit) }
    func hasPrefix(_ prefix: String) -> Bool { bytes.starts(with: prefix.utf8) }
    switch type {
    case .residentId:
      guard bytes.count == 18, let last = bytes.last else { return false }
      return digits(bytes[0..<17]) && (ASCIIText.isDigit(last) || last == UInt8(ascii: "X"))
    case .hkMoResidence:
      return bytes.count == 18 && (hasPrefix("810000") || hasPrefix("820000"))
    case .twResidence:
      return bytes.count == 18 && hasPrefix("830000")
    case .hkMoPermit:
      guard let first = bytes.first, first == UInt8(ascii: "H") || first == UInt8(ascii: "M") else { return false }
      return (bytes.count - 1 == 8 || bytes.count - 1 == 10) && digits(bytes[1...])
    case .twPermit:
      return bytes.count == 8 && digits(bytes[...])
    case .passport:
      return (5...17).contains(bytes.count)
    }
  }

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for document in packet.identityDocuments where !Self.fits(document) {
      context.report(
        LocalizedText(
          "证件号码 \(document.number) 不符合“\(document.type.label.zh)”的格式",
          "\(document.number) is not a valid \(document.type.label.en) number"),
        at: document.node, value: document.number)
    }
  }
}
