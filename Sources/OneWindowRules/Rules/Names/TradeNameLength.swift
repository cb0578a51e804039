public import OneWindowCore

/// The 字号 has at least two Chinese characters.
///
/// Finding: an error at `BusinessName/TradeName` when it has fewer than two Han characters.
public struct TradeNameLength: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-003", severity: .error, category: .name,
    summary: LocalizedText("字号由两个以上汉字组成。", "The trade name has at least two Chinese characters."),
    message: LocalizedText("字号应由两个以上汉字组成", "the trade name needs at least two Chinese characters"),
    hint: LocalizedText("选用两个以上汉字作字号，可使用经营者姓名。", "Use at least two Chinese characters; the operator's name is allowed."),
    legalBasis: LegalBasis.individualName)
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  static func isHan(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
  }

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for name in packet.businessNames where name.tradeName.filter(Self.isHan).count < 2 {
      context.report(at: name.$tradeName, value: name.tradeName)
    }
  }
}
