public import OneWindowCore

/// Both applications name the same one-thing case, when they name one.
///
/// Finding: an error at the food application's `BundleNumber`.
public struct TracksShareBundle: TrackPairRule {
  public static let descriptor = RuleDescriptor(
    id: "BD-005", severity: .error, category: .lifecycle,
    summary: LocalizedText("两条审批线属于同一“一件事”办件。", "Both applications belong to the same case."),
    message: LocalizedText("两份申请的办件编号不一致", "the two applications name different cases"),
    hint: LocalizedText("同一“一件事”的两份申请使用同一办件编号。", "Both applications of one case use its number."),
    legalBasis: LegalBasis.oneThing, stage: .acceptance)

  public init() {}

  public func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext) {
    guard let left = business.bundleNumber, let right = food.bundleNumber, left != right else { return }
    context.report(
      LocalizedText("营业执照线为 \(left)，食品线为 \(right)", "business track \(left), food track \(right)"),
      at: food.$bundleNumber.or(food.node), value: right)
  }
}
