public import OneWindowCore

/// The planned use of each unit is the one its proof records.
///
/// Finding: an error at a unit's `PlannedUse` when it differs from a covering proof's.
public struct ProofUseMatchesUnits: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-002", severity: .error, category: .premises,
    summary: LocalizedText("单元规划用途与覆盖它的产权证明一致。", "A unit's planned use matches its proof."),
    message: LocalizedText("单元规划用途与产权证明记载不一致", "the unit's planned use differs from its proof"),
    hint: LocalizedText("单元的规划用途以产权证明记载为准；用途已变更的请提供变更后的证明。", "Use the proof's planned use; if it changed, provide the new proof."),
    legalBasis: LegalBasis.realEstate)
  public static let appliesTo: Set<PacketKind> = [.preFiling]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .preFiling(let filing) = packet else { return }
    for unit in filing.units {
      if let proof = filing.proofs.first(where: { $0.covers.contains(unit.id) && $0.plannedUse != unit.plannedUse }) {
        context.report(
          LocalizedText(
            "单元 \(unit.id) 的规划用途“\(unit.plannedUse.label.zh)”与证明 \(proof.id) 记载的“\(proof.plannedUse.label.zh)”不一致",
            "unit \(unit.id) is '\(unit.plannedUse.label.en)' but proof \(proof.id) records '\(proof.plannedUse.label.en)'"),
          at: unit.$plannedUse, value: unit.plannedUse.rawValue)
      }
    }
  }
}
