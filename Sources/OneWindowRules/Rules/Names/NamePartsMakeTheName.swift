public import OneWindowCore

/// The name is 行政区划 + 字号 + 行业 + 组织形式, in that order, and nothing else.
///
/// Finding: an error at `BusinessName/FullName` when it is not the four parts joined.
public struct NamePartsMakeTheName: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-001", severity: .error, category: .name,
    summary: LocalizedText("名称由行政区划、字号、行业、组织形式依次组成。", "The name is division, trade name, industry and form, in that order."),
    message: LocalizedText("名称全称与四个组成部分不一致", "the full name is not its four parts joined"),
    hint: LocalizedText("名称应为“行政区划+字号+行业+组织形式”，如“市南区天晟吉祥烤鸭店”。", "Write the name as division + trade name + industry + form, such as 市南区天晟吉祥烤鸭店."),
    legalBasis: LegalBasis.cite(
      "《企业名称登记管理规定》第六条、第二十五条；《个体工商户名称登记管理办法》（2008，效力待核）第六条",
      "Enterprise name regulation arts 6 and 25; individual-business name measures (2008, status unverified) art. 6"), stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [
    .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for name in packet.businessNames {
      let joined = name.division + name.tradeName + name.industry + name.organisationForm
      if joined != name.fullName {
        context.report(
          LocalizedText("名称“\(name.fullName)”应为各部分依次组成的“\(joined)”", "the name '\(name.fullName)' should be '\(joined)'"),
          at: name.$fullName, value: name.fullName)
      }
    }
  }
}
