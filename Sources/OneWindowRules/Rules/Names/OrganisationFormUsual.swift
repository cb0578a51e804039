public import OneWindowCore

/// The organisational form is one of the usual ones (店, 馆, 部, 行, 中心…).
///
/// Finding: a warning at `BusinessName/OrganisationForm` when it is not on the policy's list
/// (and not already an error under BL-006).
public struct OrganisationFormUsual: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-007", severity: .warning, category: .name,
    summary: LocalizedText("组织形式为常用形式（店、馆、部、行、中心等）。", "The form is a usual one (店, 馆, 部, 行, 中心…)."),
    message: LocalizedText("组织形式不常见，请核实", "unusual organisational form; please check"),
    hint: LocalizedText("请使用常用的组织形式（如店、馆、部、行、中心）；确有需要可保留，由窗口工作人员核实。", "Use a usual organisation form (such as 店, 馆, 部, 行 or 中心); a clerk may accept another."),
    legalBasis: LegalBasis.cite(
      "《个体工商户名称登记管理办法》（2008，效力待核）第十条",
      "Individual-business name measures (2008, status unverified) art. 10"))
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let policy = context.policy
    for name in packet.businessNames
    where !policy.allowedOrganisationForms.contains(name.organisationForm)
      && !policy.forbiddenOrganisationForms.contains(where: { name.organisationForm.hasSuffix($0) })
    {
      context.report(
        LocalizedText("组织形式“\(name.organisationForm)”不在常用清单中", "'\(name.organisationForm)' is not on the usual list"),
        at: name.$organisationForm, value: name.organisationForm)
    }
  }
}
