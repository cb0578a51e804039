public import OneWindowCore

/// Both tracks name the same operator (name and identity number).
///
/// Finding: an error at the food application's `Operator`.
public struct TracksShareOperator: TrackPairRule {
  public static let descriptor = RuleDescriptor(
    id: "BD-001", severity: .error, category: .lifecycle,
    summary: LocalizedText("两条审批线的经营者一致。", "Both tracks name the same operator."),
    message: LocalizedText("营业执照申请与食品经营许可申请的经营者不一致", "the two applications name different operators"),
    hint: LocalizedText("“一件事”的经营者信息只填一次，两线须一致。", "The operator is entered once for both tracks."),
    legalBasis: LegalBasis.oneThing, stage: .acceptance)

  public init() {}

  public func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext) {
    let left = business.core.operatorInfo
    let right = food.core.operatorInfo
    guard left.name != right.name || left.document.number != right.document.number else { return }
    context.report(
      LocalizedText(
        "营业执照线为 \(left.name)（\(left.document.number)），食品线为 \(right.name)（\(right.document.number)）",
        "business track: \(left.name) (\(left.document.number)); food track: \(right.name) (\(right.document.number))"),
      at: right.node, value: right.document.number)
  }
}
