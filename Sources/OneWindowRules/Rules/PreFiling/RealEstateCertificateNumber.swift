public import OneWindowCore

/// A 不动产权证书 number reads like `鲁(2019)青岛市不动产权第0031847号`.
///
/// Finding: a warning at the proof's `Number` when it does not (the format is seen in public data,
/// not fixed by a standard, so it is never an error).
public struct RealEstateCertificateNumber: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-009", severity: .warning, category: .premises,
    summary: LocalizedText("不动产权证书号符合“省简称(年份)市县名不动产权第N号”格式。", "A real-estate title number reads like 鲁(2019)青岛市不动产权第0031847号."),
    message: LocalizedText("不动产权证书号格式不常见，请核对", "unusual real-estate title number; please check"),
    hint: LocalizedText("按证书原样填写，如“鲁(2019)青岛市不动产权第0031847号”。", "Copy the number as printed, such as 鲁(2019)青岛市不动产权第0031847号."),
    legalBasis: LegalBasis.realEstate)
  public static let appliesTo: Set<PacketKind> = [.preFiling, .preFilingAmendment]

  public init() {}

  /// Checks the shape after normalising full-width brackets and removing spaces.
  public static func looksValid(_ number: String) -> Bool {
    let text = String(number.compactMap { character -> Character? in
      switch character {
      case "（": "("
      case "）": ")"
      case _ where character.isWhitespace: nil
      default: character
      }
    })
    let characters = Array(text)
    guard characters.count >= 12, TradeNameLength.isHan(characters[0]), characters[1] == "(",
      characters.count > 6, characters[6] == ")", characters[2...5].allSatisfy({ $0.isASCII && $0.isNumber }),
      text.hasSuffix("号"), let marker = text.firstRange(of: "不动产权第")
    else { return false }
    let place = text[text.index(text.startIndex, offsetBy: 7)..<marker.lowerBound]
    let serial = text[marker.upperBound...].dropLast()
    return (1...12).contains(place.count) && place.allSatisfy(TradeNameLength.isHan)
      && (5...10).contains(serial.count) && serial.allSatisfy { $0.isASCII && $0.isNumber }
  }

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let proofs: [PropertyProof]
    switch packet {
    case .preFiling(let filing): proofs = filing.proofs
    case .amendment(let amendment): proofs = amendment.addProofs + amendment.replaceProofs.map(\.proof)
    default: return
    }
    for proof in proofs where proof.type == .realEstateCert && !Self.looksValid(proof.number) {
      context.report(at: proof.$number, value: proof.number)
    }
  }
}
