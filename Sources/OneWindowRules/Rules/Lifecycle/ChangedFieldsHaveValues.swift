public import OneWindowCore

/// Each changed item of a change packet has its new value, and each new value is declared.
///
/// Finding: an error at `ChangedFields` for a declared item without a value, and at a value
/// whose item is not declared.
public struct ChangedFieldsHaveValues: Rule {
  public static let descriptor = RuleDescriptor(
    id: "CH-001", severity: .error, category: .lifecycle,
    summary: LocalizedText("变更事项与变更后内容一一对应。", "Changed items and new values match one to one."),
    message: LocalizedText("变更事项与变更后内容不对应", "changed items and new values do not match"),
    hint: LocalizedText("每项变更事项都须在“变更后的内容”中给出新内容，未列明的事项不得填写新内容。", "Give a new value for each changed item, and none for items not listed."),
    legalBasis: LegalBasis.change, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.restaurantChange]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .change(let change) = packet else { return }
    let declared = Set(change.changedFields)
    let provided = change.changes.providedFields
    for field in change.changedFields where !provided.contains(field) {
      context.report(
        LocalizedText("变更事项“\(field.label.zh)”没有变更后的内容", "'\(field.label.en)' is listed but has no new value"),
        at: change.$changedFields, value: field.rawValue)
    }
    for field in ChangeField.allCases where provided.contains(field) && !declared.contains(field) {
      context.report(
        LocalizedText("填写了“\(field.label.zh)”的新内容，但未列为变更事项", "a new '\(field.label.en)' is given but not listed as changed"),
        at: change.changes.nodes[field] ?? change.changes.node, value: field.rawValue)
    }
  }
}
