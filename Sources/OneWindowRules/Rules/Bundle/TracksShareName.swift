public import OneWindowCore

/// Both tracks use the same business name.
///
/// Finding: an error at the food application's `BusinessName/FullName`.
public struct TracksShareName: TrackPairRule {
  public static let descriptor = RuleDescriptor(
    id: "BD-002", severity: .error, category: .lifecycle,
    summary: LocalizedText("两条审批线的名称一致。", "Both tracks use the same name."),
    message: LocalizedText("两条审批线的名称不一致", "the two applications use different names"),
    hint: LocalizedText("以登记名称为准，两线使用同一名称。", "Use the registered name on both tracks."),
    legalBasis: LegalBasis.oneThing, stage: .acceptance)

  public init() {}

  public func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext) {
    let left = business.core.name.fullName
    let right = food.core.name.fullName
    guard left != right else { return }
    context.report(
      LocalizedText("营业执照线为“\(left)”，食品线为“\(right)”", "business track '\(left)', food track '\(right)'"),
      at: food.core.name.$fullName, value: right)
  }
}
