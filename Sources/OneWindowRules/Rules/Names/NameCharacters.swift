public import OneWindowCore

/// The name uses Chinese characters only: no Latin letters, digits, pinyin or punctuation.
///
/// Finding: an error at `BusinessName/FullName` naming the first character that is not Chinese.
public struct NameCharacters: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-004", severity: .error, category: .name,
    summary: LocalizedText("名称不含字母、数字、拼音或标点。", "The name contains no letters, digits, pinyin or punctuation."),
    message: LocalizedText("名称中不得含有字母、数字或标点符号", "the name may not contain letters, digits or punctuation"),
    hint: LocalizedText("去掉名称中的外文字母、阿拉伯数字、拼音和标点。", "Remove Latin letters, digits, pinyin and punctuation from the name."),
    legalBasis: LegalBasis.individualName)
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for name in packet.businessNames {
      if let bad = name.fullName.first(where: { !TradeNameLength.isHan($0) }) {
        context.report(
          LocalizedText("名称含有不允许的字符“\(bad)”", "the name contains the character '\(bad)', which is not allowed"),
          at: name.$fullName, value: name.fullName)
      }
    }
  }
}
