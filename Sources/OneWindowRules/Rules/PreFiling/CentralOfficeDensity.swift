public import OneWindowCore

/// In a 集中办公区, each registrable entity has at least the policy's area (2 m² in Qingdao).
///
/// Finding: a warning at a unit's `Capacity` when area ÷ capacity is below the minimum.
public struct CentralOfficeDensity: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-007", severity: .warning, category: .premises,
    summary: LocalizedText("集中办公区平均每户面积不低于 2 平方米。", "A central office area allows at least 2 m² per entity."),
    message: LocalizedText("集中办公区平均每户面积不足", "too little area per entity in the central office area"),
    hint: LocalizedText("降低可登记主体数或扩大面积。", "Lower the capacity or add area."),
    legalBasis: LegalBasis.multiLicence)
  public static let appliesTo: Set<PacketKind> = [.preFiling]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .preFiling(let filing) = packet, filing.premises.multiLicenceMode == .centralOfficeArea else { return }
    let minimum = context.policy.centralOfficeMinimumAreaPerEntity
    for unit in filing.units where unit.capacity > 0 && unit.area / Double(unit.capacity) < minimum {
      context.report(
        LocalizedText(
          "单元 \(unit.id) 面积 \(unit.area) 平方米、可登记 \(unit.capacity) 户，每户不足 \(minimum) 平方米",
          "unit \(unit.id): \(unit.area) m² for \(unit.capacity) entities is under \(minimum) m² each"),
        at: unit.$capacity, value: String(unit.capacity))
    }
  }
}
