public import OneWindowCore

/// The intended activity suits the unit's planned use (the policy's compatibility table).
///
/// Under Shandong's commitment system (2024 art. 6) the registrar no longer examines a premises'
/// use: the applicant commits to it. So this is a warning the clerk puts to the applicant, an
/// error only when the policy says the bureau examines use (`premisesExamination`). The national
/// ban on fume-producing catering in residential buildings is the food track's (FL-013).
///
/// Finding: a warning (an error under EXAMINE) at the intended activity when the planned use does
/// not allow it.
public struct ActivitySuitsPlannedUse: Rule {
  public static let descriptor = RuleDescriptor(
    id: "TR-005", severity: .warning, category: .registry,
    summary: LocalizedText("拟从事的经营活动与单元规划用途相容。", "The activity suits the unit's planned use."),
    message: LocalizedText("经营活动与单元规划用途不相容", "the activity does not suit the unit's planned use"),
    hint: LocalizedText("选择规划用途相符的单元（如餐饮需商业用途）。", "Choose a unit whose planned use fits (catering needs commercial use)."),
    legalBasis: LegalBasis.cite(
      "《山东省市场主体住所（经营场所）登记管理办法》（2024）第六条（申报承诺制：登记机关不再审查产权权属、使用功能及法定用途；Data/policy.json premisesExamination）",
      "Shandong measures on registered premises (2024), art. 6 (commitment: the registrar no longer examines ownership, use or statutory use; premisesExamination in Data/policy.json)"), stage: .review)
  public static let appliesTo = PreFilingInForce.appliesTo
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let use = packet.preFiledUse, let unit = context.registry?.preFilings[use.preFilingNumber]?.units[use.unitRef],
      !context.policy.allows(use.activity, in: unit.plannedUse)
    else { return }
    let message = LocalizedText(
      "单元 \(use.unitRef) 规划用途为“\(unit.plannedUse.label.zh)”，不得从事“\(use.activity.label.zh)”",
      "unit \(use.unitRef) is \(unit.plannedUse.label.en) and may not host \(use.activity.label.en)")
    if case .registration(let registration) = packet {
      context.report(message, at: registration.$activity, value: use.activity.rawValue)
    } else {
      context.report(message, at: use.$unitRef, value: use.unitRef)
    }
  }
}
