public import OneWindowCore

/// A declared change really changes the registered value (name, operator, food items).
///
/// Finding: an error at each new value that equals what the registry holds.
public struct ChangeAltersRegistration: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CH-002", severity: .error, category: .lifecycle,
    summary: LocalizedText("变更后内容与现登记内容不同。", "A new value differs from the registered one."),
    message: LocalizedText("变更后内容与现登记内容相同", "the new value equals the registered one"),
    hint: LocalizedText("删除未发生变化的变更事项。", "Drop the items that do not change."),
    legalBasis: LegalBasis.change, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.restaurantChange]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .change(let change) = packet, let record = context.registry?.licences[change.current.uscc] else { return }
    let values = change.changes
    if let name = values.name, name.fullName == record.name {
      context.report(
        LocalizedText("新名称“\(name.fullName)”与现登记名称相同", "the new name '\(name.fullName)' is the registered one"),
        at: values.nodes[.name] ?? values.node, value: name.fullName)
    }
    if let newOperator = values.operatorInfo, newOperator.document.number == record.operatorIdentity {
      context.report(
        LocalizedText("新经营者与现登记经营者相同", "the new operator is the registered one"),
        at: values.nodes[.operator] ?? values.node, value: newOperator.name)
    }
    if let items = values.foodItems, Set(items.map(\.item)) == Set(record.foodItems), !items.contains(where: { !$0.notes.isEmpty }) {
      context.report(
        LocalizedText("变更后的经营项目与现许可相同", "the new food items are the licensed ones"),
        at: values.nodes[.foodItems] ?? values.node)
    }
  }
}
