public import OneWindowCore

/// The organisational form is not one reserved for enterprises (公司, 企业, 合作社…).
///
/// Finding: an error at `BusinessName/OrganisationForm` when it names an enterprise form.
public struct OrganisationFormAllowed: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-006", severity: .error, category: .name,
    summary: LocalizedText("组织形式不得使用“公司”“企业”“合作社”等。", "The form is not 公司, 企业, 合作社 or similar."),
    message: LocalizedText("个体工商户的组织形式不得使用企业的组织形式", "an individual business may not use an enterprise's organisational form"),
    hint: LocalizedText("组织形式可用“店”“馆”“部”“行”“中心”“坊”等。", "Use a form such as 店, 馆, 部, 行, 中心 or 坊."),
    legalBasis: LegalBasis.cite(
      "《个体工商户名称登记管理办法》（2008，效力待核）第十条；《企业名称登记管理规定》第十条、第二十五条",
      "Individual-business name measures (2008, status unverified) art. 10; enterprise name regulation arts 10 and 25"))
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for name in packet.businessNames
    where context.policy.forbiddenOrganisationForms.contains(where: { name.organisationForm.hasSuffix($0) }) {
      context.report(
        LocalizedText("组织形式“\(name.organisationForm)”为企业组织形式", "'\(name.organisationForm)' is an enterprise form"),
        at: name.$organisationForm, value: name.organisationForm)
    }
  }
}
