public import OneWindowCore

/// Which licences a change affects, derived from its changed items.
///
/// Finding: one info at `ChangedFields` listing the licences to replace and whether an on-site
/// inspection is needed: name and operator change both; food items, layout, dedicated spaces,
/// area and staff change the food licence; premises change both and need an inspection. The
/// liaison (联络员, a filed item, 细则 art. 7(7)), the funds and the number of employees (no
/// registered items of an individual business) are recorded by the business track without a new
/// licence: only items printed on the licence re-issue it (细则 art. 23(1), 条例 art. 28).
public struct LicencesAffectedByChange: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CH-004", severity: .info, category: .lifecycle,
    summary: LocalizedText("根据变更事项确定需换发的证照。", "Derives which licences a change affects."),
    message: LocalizedText("需换发的证照", "licences to replace"),
    hint: LocalizedText("窗口据此分派营业执照线与食品经营许可线审查。", "The clerk routes the change to the business and food tracks accordingly."),
    legalBasis: LegalBasis.cite(
      "《市场主体登记管理条例》第二十八条；《市场主体登记管理条例实施细则》第二十三条第一款、第三款；变更事项与换发证照的对应见本规则（“一件事”分线办理）",
      "Market-entity registration regulation art. 28; implementing rules art. 23(1) and (3); the change-to-licence table is this rule's (one-thing routing)"))
  public static let appliesTo: Set<PacketKind> = [.restaurantChange]

  /// The licences and inspection a set of changed items brings.
  public struct Effect: Sendable, Hashable {
    /// The registrar's track decides the change (a registration or a filing).
    public var businessTrack = false
    /// A new business licence is issued (an item printed on it changes).
    public var businessLicence = false
    public var foodLicence = false
    public var inspection = false

    public init(businessLicence: Bool = false, foodLicence: Bool = false, inspection: Bool = false, businessTrack: Bool? = nil) {
      self.businessTrack = businessTrack ?? businessLicence
      self.businessLicence = businessLicence
      self.foodLicence = foodLicence
      self.inspection = inspection
    }
  }

  public static func effect(of fields: [ChangeField]) -> Effect {
    var effect = Effect()
    for field in fields {
      switch field {
      case .name, .operator:
        effect.businessTrack = true
        effect.businessLicence = true
        effect.foodLicence = true
      case .premises:
        effect.businessTrack = true
        effect.businessLicence = true
        effect.foodLicence = true
        effect.inspection = true
      case .compositionForm, .businessScope:
        effect.businessTrack = true
        effect.businessLicence = true
      case .contact, .fundsAmount, .employees:
        effect.businessTrack = true
      case .layout, .dedicatedSpaces:
        effect.foodLicence = true
        effect.inspection = true
      case .foodItems, .operatingArea, .foodSafetyManager, .staff:
        effect.foodLicence = true
      }
    }
    return effect
  }

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .change(let change) = packet else { return }
    let effect = Self.effect(of: change.changedFields)
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
      inspection = LocalizedText(
        inspection.zh + "；营业执照线办理备案，不换发营业执照", inspection.en + "; the business track records it without a new business licence")
    }
    context.report(
      LocalizedText(
        "需换发：" + (zh.isEmpty ? "无" : zh.joined(separator: "、")) + inspection.zh,
        "to replace: " + (en.isEmpty ? "none" : en.joined(separator: ", ")) + inspection.en),
      at: change.$changedFields)
  }
}
