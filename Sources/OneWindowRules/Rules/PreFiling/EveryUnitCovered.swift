public import OneWindowCore

/// Every pre-filed unit is covered by at least one property proof.
///
/// Finding: an error at each unit no proof covers.
public struct EveryUnitCovered: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-001", severity: .error, category: .premises,
    summary: LocalizedText("每个备案单元都有产权证明覆盖。", "Every unit is covered by a property proof."),
    message: LocalizedText("该单元没有任何产权证明覆盖", "no property proof covers this unit"),
    hint: LocalizedText("请为该单元提供产权证明（或场所证明），并在该证明“覆盖的单元”中列出单元编号。", "Provide a proof for the unit and list the unit among the units it covers."),
    legalBasis: LegalBasis.premisesDocuments, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.preFiling]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .preFiling(let filing) = packet else { return }
    let covered = Set(filing.proofs.flatMap(\.covers))
    for unit in filing.units where !covered.contains(unit.id) {
      context.report(
        LocalizedText("单元 \(unit.id) 没有产权证明覆盖", "no proof covers unit \(unit.id)"),
        at: unit.$id, value: unit.id)
    }
  }
}
