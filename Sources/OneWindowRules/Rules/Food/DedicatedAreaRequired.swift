public import OneWindowCore

/// Items that need a 专用操作区 (own beverages, fresh juice) come with one (or a room).
///
/// Finding: a warning at the item when no dedicated space with a matching purpose is declared
/// (closed automatic machines are exempt, which the clerk confirms).
public struct DedicatedAreaRequired: Rule {
  public static let descriptor = RuleDescriptor(
    id: "FL-005", severity: .warning, category: .food,
    summary: LocalizedText("自制饮品等项目设有专用操作区。", "Own beverages and similar items come with a dedicated work area."),
    message: LocalizedText("该经营项目通常须设置专用操作区", "this item usually needs a dedicated work area"),
    hint: LocalizedText("请在“专间与专用操作区”中申报专用操作区；在封闭式自动设备中制作的可由窗口核实后免设。", "Declare a dedicated area under 'dedicated rooms and areas'; closed automatic machines are exempt after the clerk checks."),
    legalBasis: LegalBasis.dedicatedSpaces)
  public static let appliesTo = DedicatedRoomRequired.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let food = packet.foodView else { return }
    for entry in food.items {
      for (what, purposes) in DedicatedRoomRequired.requirements(for: entry, in: context.policy.dedicatedAreas)
      where !food.spaces.contains(where: { purposes.contains($0.purpose) }) {
        context.report(
          LocalizedText("“\(what)”未申报专用操作区", "'\(what)' has no dedicated work area"),
          at: entry.$item, value: entry.item.rawValue)
      }
    }
  }
}
