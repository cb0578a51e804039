public import OneWindowCore

/// Both tracks carry the same business scope.
///
/// Finding: an error at the food application's `BusinessScope`.
public struct TracksShareScope: TrackPairRule {
  public static let descriptor = RuleDescriptor(
    id: "BD-004", severity: .error, category: .scope,
    summary: LocalizedText("两条审批线的经营范围一致。", "Both tracks carry the same business scope."),
    message: LocalizedText("两条审批线的经营范围不一致", "the two applications carry different scopes"),
    hint: LocalizedText("经营范围只填一次，两线须一致。", "Enter the scope once for both tracks."),
    legalBasis: LegalBasis.oneThing, stage: .acceptance)

  public init() {}

  static func text(_ scope: BusinessScope) -> String {
    "许可：" + scope.licensed.map(\.text).joined(separator: "；") + " 一般：" + scope.general.map(\.text).joined(separator: "；")
  }

  public func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext) {
    let left = Self.text(business.core.scope)
    let right = Self.text(food.core.scope)
    guard left != right else { return }
    context.report(
      LocalizedText("营业执照线为“\(left)”，食品线为“\(right)”", "business track '\(left)', food track '\(right)'"),
      at: food.core.scope.node, value: right)
  }
}
