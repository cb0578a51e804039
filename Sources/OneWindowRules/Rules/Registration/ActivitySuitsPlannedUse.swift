public import OneWindowCore

/// The intended activity suits the unit's planned use (the policy's compatibility table).
///
/// Finding: an error at the intended activity when the planned use does not allow it (for
/// example catering in a residential or office unit).
public struct ActivitySuitsPlannedUse: Rule {
  public static let descriptor = RuleDescriptor(
    id: "TR-005", severity: .error, category: .registry,
    summary: LocalizedText("拟从事的经营活动与单元规划用途相容。", "The activity suits the unit's planned use."),
    message: LocalizedText("经营活动与单元规划用途不相容", "the activity does not suit the unit's planned use"),
    hint: LocalizedText("选择规划用途相符的单元（如餐饮需商业用途）。", "Choose a unit whose planned use fits (catering needs commercial use)."),
    legalBasis: LegalBasis.residentialNuisance)
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
