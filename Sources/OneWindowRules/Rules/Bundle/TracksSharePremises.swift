public import OneWindowCore

/// Both tracks use the same premises (same pre-filed unit, or same declared address and area).
///
/// Finding: an error at the food application's `Premises`.
public struct TracksSharePremises: TrackPairRule {
  public static let descriptor = RuleDescriptor(
    id: "BD-003", severity: .error, category: .lifecycle,
    summary: LocalizedText("两条审批线的经营场所一致。", "Both tracks use the same premises."),
    message: LocalizedText("两条审批线的经营场所不一致", "the two applications use different premises"),
    hint: LocalizedText("经营场所只填一次，两线须一致；多处经营的应分别取得许可。", "Enter the premises once; each further site needs its own licence."),
    legalBasis: LegalBasis.oneThing, stage: .acceptance)

  public init() {}

  /// The premises as a comparable text, without element positions.
  public static func summary(_ premises: RestaurantPremises) -> String {
    switch premises {
    case .preFiled(let preFiled):
      "\(preFiled.preFilingNumber)/\(preFiled.unitRef)/\(preFiled.agreement.lessor.identity.number)/\(preFiled.agreement.termStart?.description ?? "")-\(preFiled.agreement.termEnd?.description ?? "")"
    case .declared(let declared):
      "\(declared.address.singleLine)/\(declared.floor ?? "")/\(declared.room ?? "")/\(declared.area)/\(declared.plannedUse.rawValue)"
    }
  }

  public func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext) {
    let left = Self.summary(business.core.premises)
    let right = Self.summary(food.core.premises)
    guard left != right else { return }
    context.report(
      LocalizedText("营业执照线为 \(left)，食品线为 \(right)", "business track \(left), food track \(right)"),
      at: food.core.premises.node, value: right)
  }
}
