public import OneWindowCore

/// The name uses Chinese characters only (规范汉字, 名称规定 art. 5): no Latin letters, pinyin, foreign
/// script or punctuation. Arabic digits are not Chinese characters either; whether they may stand in
/// a name is policy data (`nameArabicDigits`, rejected unless the bureau allows them), since the
/// 2008 measures list letters and punctuation but not digits.
///
/// Finding: an error at `BusinessName/FullName` naming the first character that is not allowed.
public struct NameCharacters: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-004", severity: .error, category: .name,
    summary: LocalizedText("名称不含字母、数字、拼音或标点。", "The name contains no letters, digits, pinyin or punctuation."),
    message: LocalizedText("名称中不得含有字母、数字或标点符号", "the name may not contain letters, digits or punctuation"),
    hint: LocalizedText("去掉名称中的外文字母、阿拉伯数字、拼音和标点。", "Remove Latin letters, digits, pinyin and punctuation from the name."),
    legalBasis: LegalBasis.cite(
      "《企业名称登记管理规定》第五条、第二十五条；《个体工商户名称登记管理办法》（2008，效力待核）第十一条第（七）项、第（八）项",
      "Enterprise name regulation arts 5 and 25; individual-business name measures (2008, status unverified) art. 11(vii), (viii)"))
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let digitsAllowed = context.policy.nameArabicDigits == .allow
    for name in packet.businessNames {
      if let bad = name.fullName.first(where: { !TradeNameLength.isHan($0) && !(digitsAllowed && $0.isASCII && $0.isNumber) }) {
        context.report(
          LocalizedText("名称含有不允许的字符“\(bad)”", "the name contains the character '\(bad)', which is not allowed"),
          at: name.$fullName, value: name.fullName)
      }
    }
  }
}
