public import OneWindowCore

/// Which licences a change affects, derived from its changed items.
///
/// Finding: one info at `ChangedFields` listing the licences to replace, whether an on-site
/// inspection is needed and whether the business track handles the change without a new
/// business licence. What each item brings is policy data (`changeEffects` in
/// `Data/policy.json`, with its sources): by default name and operator change both licences
/// (a change of operator registered directly, 促进条例 art. 13(1)); premises change both and need
/// an inspection; the operator's residence (经营者住所, a registered item the business licence
/// does not print, 细则 arts 6(7), 23(1)) goes to the business track as a change registration and
/// re-issues the food licence, which states a 住所 (2023 food measures arts 26, 29); the liaison
/// (a filed item, 细则 art. 7(7)), the funds and the number of employees go to the business track
/// without a licence; food items, layout, dedicated spaces, area and staff change the food
/// licence.
public struct LicencesAffectedByChange: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CH-004", severity: .info, category: .lifecycle,
    summary: LocalizedText("根据变更事项确定需换发的证照。", "Derives which licences a change affects."),
    message: LocalizedText("需换发的证照", "licences to replace"),
    hint: LocalizedText("窗口据此分派营业执照线与食品经营许可线审查。", "The clerk routes the change to the business and food tracks accordingly."),
    legalBasis: LegalBasis.cite(
      "《市场主体登记管理条例》第二十四条第一款、第二十八条；《市场主体登记管理条例实施细则》第六条第（七）项、第七条第（七）项、第二十三条第一款、第三款；《促进个体工商户发展条例》第十三条第一款（变更经营者直接办理变更登记，涉及行政许可的简化手续）；《食品经营许可和备案管理办法》第二十六条、第二十九条；变更事项与证照的对应为本局政策数据（policy.json changeEffects）",
      "Market-entity registration regulation arts 24(1) and 28; implementing rules arts 6(vii), 7(vii), 23(1) and (3); regulation on promoting individual businesses art. 13(1) (a change of operator is registered directly, licensing formalities simplified); food licensing measures (2023) arts 26 and 29; the change-to-licence table is bureau policy data (policy.json changeEffects)"))
  public static let appliesTo: Set<PacketKind> = [.restaurantChange]

  /// The licences and inspection a set of changed items brings.
  public typealias Effect = ChangeEffect

  /// The items an individual business registers (细则 art. 6(7)): changing one on the business
  /// track is a change registration (条例 art. 24(1)), anything else a filing or a record.
  public static let registeredItems: Set<ChangeField> = [.name, .operator, .operatorResidence, .compositionForm, .premises, .businessScope]

  /// What a change of `fields` brings under `policy` (its `changeEffects` table).
  public static func effect(of fields: [ChangeField], policy: Policy) -> Effect {
    policy.changeEffect(of: fields)
  }

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .change(let change) = packet else { return }
    let effect = Self.effect(of: change.changedFields, policy: context.policy)
    var zh: [String] = []
    var en: [String] = []
    if effect.businessLicence {
      zh.append("营业执照")
      en.append("business licence")
    }
    if effect.foodLicence {
      zh.append("食品经营许可证")
      en.append("food licence")
    }
    var inspection = effect.inspection ? LocalizedText("；需现场核查", "; an on-site inspection is needed") : LocalizedText("", "")
    if effect.businessTrack, !effect.businessLicence {
      let registration = change.changedFields.contains { Self.registeredItems.contains($0) }
      inspection = LocalizedText(
        inspection.zh + (registration ? "；营业执照线办理变更登记，不换发营业执照" : "；营业执照线办理备案，不换发营业执照"),
        inspection.en
          + (registration
            ? "; the business track registers the change without a new business licence"
            : "; the business track records it without a new business licence"))
    }
    context.report(
      LocalizedText(
        "需换发：" + (zh.isEmpty ? "无" : zh.joined(separator: "、")) + inspection.zh,
        "to replace: " + (en.isEmpty ? "none" : en.joined(separator: ", ")) + inspection.en),
      at: change.$changedFields)
  }
}
