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
    legalBasis: LegalBasis.realEstateCertificate, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.preFiling, .preFilingAmendment]

  public init() {}

  /// Checks the shape after normalising full-width brackets and removing spaces.
  public static func looksValid(_ number: String) -> Bool {
    // Unicode scalars, not Characters: the shape is ASCII digits, brackets and Han ideographs.
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(number.utf8.count)
    for scalar in number.unicodeScalars {
      switch scalar {
      case "（": scalars.append("(")
      case "）": scalars.append(")")
      case _ where scalar.properties.isWhitespace: continue
      default: scalars.append(scalar)
      }
    }
    func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && ("0"..."9").contains(scalar) }
    func isHan(_ scalar: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) }
    let marker: [Unicode.Scalar] = ["不", "动", "产", "权", "第"]
    guard scalars.count >= 12, isHan(scalars[0]), scalars[1] == "(", scalars[6] == ")",
      scalars[2...5].allSatisfy(isDigit), scalars.last == "号"
    else { return false }
    var markerStart: Int?
    var index = 7
    while index + marker.count <= scalars.count {
      if Array(scalars[index..<(index + marker.count)]) == marker {
        markerStart = index
        break
      }
      index += 1
    }
    guard let start = markerStart else { return false }
    let place = scalars[7..<start]
    let serial = scalars[(start + marker.count)..<(scalars.count - 1)]
    return (1...12).contains(place.count) && place.allSatisfy(isHan)
      && (5...10).contains(serial.count) && serial.allSatisfy(isDigit)
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
