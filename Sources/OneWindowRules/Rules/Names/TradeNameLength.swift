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
    legalBasis: LegalBasis.cite(
      "《企业名称登记管理规定》第八条第一款、第二十五条",
      "Enterprise name regulation arts 8(1) and 25"))
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  /// Whether a character is a Chinese character: the CJK unified ideographs with extensions A to
  /// I (the 通用规范汉字表 reaches into extension B and later) and 〇.
  static func isHan(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { scalar in
      switch scalar.value {
      case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2EE5F, 0x30000...0x323AF, 0x3007: true
      default: false
      }
    }
  }

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for name in packet.businessNames where name.tradeName.filter(Self.isHan).count < 2 {
      context.report(at: name.$tradeName, value: name.tradeName)
    }
  }
}
