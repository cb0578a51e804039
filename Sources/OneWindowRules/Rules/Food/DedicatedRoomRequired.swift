public import OneWindowCore

/// Items that need a 专间 (cold food, raw food, cold pastry, cold meat…) come with one.
///
/// Finding: a warning at the item when no dedicated ROOM with a matching purpose is declared: the
/// 2023 food licensing reform allows a simplified review where cold food is only thawed, heated,
/// mixed, assembled, plated or washed and cut, which the reviewer judges on site. The policy's
/// `dedicatedRoomSeverity` may raise it back to an error. Which items need which room is the
/// policy's table (an inference, see `Data/policy.json`).
public struct DedicatedRoomRequired: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-004", severity: .warning, category: .food,
    summary: LocalizedText("冷食类、生食类、冷加工糕点、冷荤类等项目设有相应专间。", "Cold food, raw food, cold pastry and cold meat come with a dedicated room."),
    message: LocalizedText("该经营项目须设置专间", "this item needs a dedicated room"),
    hint: LocalizedText("请在“专间与专用操作区”中申报相应用途的专间及其面积，并在布局图中标明。", "Declare a dedicated room for that purpose, with its area, under 'dedicated rooms and areas', and show it on the layout plan."),
    legalBasis: LegalBasis.dedicatedSpaces)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .foodLicenceApplication, .restaurantChange]

  public init() {}

  /// The purposes the policy requires for an item, from the item itself and its notes.
  static func requirements(
    for entry: FoodItemEntry, in table: [Policy.SpaceRequirement]
  ) -> [(String, [DedicatedSpacePurpose])] {
    var found: [(String, [DedicatedSpacePurpose])] = []
    for requirement in table {
      if let item = requirement.item, item == entry.item { found.append((item.label.zh, requirement.purposes)) }
      if let note = requirement.note, entry.notes.contains(note) { found.append((note.label.zh, requirement.purposes)) }
    }
    return found
  }

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView else { return }
    let rooms = food.spaces.filter { $0.kind == .room }
    for entry in food.items {
      for (what, purposes) in Self.requirements(for: entry, in: context.policy.dedicatedRooms)
      where !rooms.contains(where: { purposes.contains($0.purpose) }) {
        let wanted = purposes.map(\.label.zh).joined(separator: "或")
        context.report(
          LocalizedText("“\(what)”须设置\(wanted)专间", "'\(what)' needs a dedicated room for \(purposes.map(\.label.en).joined(separator: " or "))"),
          at: entry.$item, value: entry.item.rawValue)
      }
    }
  }
}
