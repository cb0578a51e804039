public import OneWindowCore

/// Both tracks name the same agent (帮办代办: name, identity document and power of attorney), or
/// neither names one.
///
/// Finding: an error at the food application's `Agent`, or at its root when only the business
/// application names an agent.
public struct TracksShareAgent: TrackPairRule {
  public static let descriptor = RuleDescriptor(
    id: "BD-007", severity: .error, category: .lifecycle,
    summary: LocalizedText("两条审批线的代办人一致。", "Both tracks name the same agent."),
    message: LocalizedText("两条审批线的代办人不一致", "the two applications name different agents"),
    hint: LocalizedText("代办人及其授权委托书只填一次，两线须一致；无代办人的两线均不填。", "The agent and the power of attorney are entered once for both tracks, or on neither."),
    legalBasis: LegalBasis.oneThing, stage: .acceptance)

  public init() {}

  /// The agent as a comparable text, without element positions.
  public static func summary(_ agent: Agent?) -> String {
    guard let agent else { return "" }
    return "\(agent.name)/\(agent.document.type.rawValue) \(agent.document.number)/\(agent.powerOfAttorney.id)"
  }

  public func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext) {
    let left = Self.summary(business.agent)
    let right = Self.summary(food.agent)
    guard left != right else { return }
    let none = LocalizedText("无", "none")
    context.report(
      LocalizedText(
        "营业执照线为 \(left.isEmpty ? none.zh : left)，食品线为 \(right.isEmpty ? none.zh : right)",
        "business track: \(left.isEmpty ? none.en : left); food track: \(right.isEmpty ? none.en : right)"),
      at: food.agent?.node ?? food.node, value: food.agent?.document.number)
  }
}
