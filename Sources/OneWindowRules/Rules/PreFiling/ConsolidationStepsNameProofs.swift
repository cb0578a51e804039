public import OneWindowCore

/// Substituting, merging or sharing papers names the proofs that now stand for them.
///
/// Finding: an error at a SUBSTITUTE, MERGE or SHARE step that names no `ProofRef`.
public struct ConsolidationStepsNameProofs: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-010", severity: .error, category: .premises,
    summary: LocalizedText("代替、合并、共享类整合步骤指明对应的产权证明。", "Substitute, merge and share steps name their proofs."),
    message: LocalizedText("整合步骤未指明代替（合并、共享）后使用的产权证明", "the step does not name the proof now used"),
    hint: LocalizedText("请在该整合步骤中列出整合后使用的产权证明编号。", "List, in the step, the ids of the proofs used after it."),
    legalBasis: LegalBasis.prefilingReuse, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.preFiling]

  static let needingProofs: Set<ConsolidationAction> = [.substitute, .merge, .share]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .preFiling(let filing) = packet else { return }
    for step in filing.consolidation where Self.needingProofs.contains(step.action) && step.proofRefs.isEmpty {
      context.report(at: step.$action, value: step.action.rawValue)
    }
  }
}
