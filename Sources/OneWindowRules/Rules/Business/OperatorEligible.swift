public import OneWindowCore

/// The operator of an individual business is someone the law lets register one: a Chinese citizen
/// (居民身份证), or a Hong Kong, Macao or Taiwan resident under 促进条例 art. 37 (their 居住证 or
/// travel permit). A passport holder is not (a foreign national is not a 公民 of art. 2); the
/// document types allowed are policy data (`operatorDocumentTypes`).
///
/// Finding: an error at the operator's identity document.
public struct OperatorEligible: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-014", severity: .error, category: .identifier,
    summary: LocalizedText(
      "个体工商户经营者为中国公民，或第三十七条所列香港、澳门、台湾居民。", "The operator is a Chinese citizen or a Hong Kong, Macao or Taiwan resident art. 37 admits."),
    message: LocalizedText("该身份证件的持有人不能登记为个体工商户经营者", "the holder of this identity document cannot register as the operator of an individual business"),
    hint: LocalizedText(
      "个体工商户经营者须持居民身份证，或港澳台居民居住证、来往内地（大陆）通行证；外国人可依法设立外商投资企业。",
      "The operator shows a resident identity card, or a Hong Kong/Macao/Taiwan residence or travel permit; a foreign national may set up a foreign-invested enterprise instead."),
    legalBasis: LegalBasis.cite(
      "《促进个体工商户发展条例》第二条、第三十七条", "Regulation on promoting individual businesses, arts 2 and 37"), stage: .review)
  public static let appliesTo: Set<PacketKind> = [
    .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let person = packet.restaurantOperator, case let type = person.document.type,
      !context.policy.allowedOperatorDocumentTypes.contains(type)
    else { return }
    context.report(
      LocalizedText("经营者证件类型为\(type.label.zh)", "the operator's document is a \(type.label.en.lowercased())"),
      at: person.document.node, value: type.rawValue)
  }
}
