public import OneWindowCore

/// The name does not use 中国, 中华, 全国, 国家 or 国际 (and the policy's further words).
///
/// Finding: an error at `BusinessName/FullName` for each forbidden word it contains.
public struct ForbiddenNameWords: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-005", severity: .error, category: .name,
    summary: LocalizedText("名称不使用“中国”“中华”“全国”“国家”“国际”等字词。", "The name does not use 中国, 中华, 全国, 国家 or 国际."),
    message: LocalizedText("名称使用了禁用字词", "the name uses a forbidden word"),
    hint: LocalizedText("个体工商户名称不得冠以“中国”“中华”“全国”“国家”“国际”等字词。", "An individual business name may not carry words such as 中国 or 国际."),
    legalBasis: LegalBasis.cite(
      "《企业名称登记管理规定》第十一条第（四）项、第十二条、第二十五条；《个体工商户名称登记管理办法》（2008，效力待核）第十一条第（六）项",
      "Enterprise name regulation arts 11(iv), 12 and 25; individual-business name measures (2008, status unverified) art. 11(vi)"))
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for name in packet.businessNames {
      for word in context.policy.forbiddenNameWords where name.fullName.containsText(word) {
        context.report(
          LocalizedText("名称含有禁用字词“\(word)”", "the name contains the forbidden word '\(word)'"),
          at: name.$fullName, value: name.fullName)
      }
    }
  }
}
