public import OneWindowCore

/// The 字号 is not a place name of county level or above.
///
/// Finding: a warning at `BusinessName/TradeName` when it contains one of the policy's place
/// names (it may be allowed when the word has another meaning).
public struct TradeNameNotPlaceName: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-008", severity: .warning, category: .name,
    summary: LocalizedText("字号不使用县级以上行政区划名称。", "The trade name is not a county-level or higher place name."),
    message: LocalizedText("字号含有县级以上行政区划名称", "the trade name contains a county-level or higher place name"),
    hint: LocalizedText("字号不得使用县级以上行政区划名称，除非该字词具有其他含义。", "Avoid place names unless the word has another meaning."),
    legalBasis: LegalBasis.cite(
      "《企业名称登记管理规定》第八条第二款、第二十五条；《个体工商户名称登记管理办法》（2008，效力待核）第八条第二款",
      "Enterprise name regulation arts 8(2) and 25; individual-business name measures (2008, status unverified) art. 8(2)"))
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for name in packet.businessNames {
      if let place = context.policy.placeNames.first(where: { name.tradeName.containsText($0) }) {
        context.report(
          LocalizedText("字号“\(name.tradeName)”含有地名“\(place)”", "the trade name '\(name.tradeName)' contains the place name '\(place)'"),
          at: name.$tradeName, value: name.tradeName)
      }
    }
  }
}
