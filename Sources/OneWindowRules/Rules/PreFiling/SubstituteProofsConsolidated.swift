public import OneWindowCore

/// A 场所证明 or historic/public-housing certificate standing in for a title is backed by a
/// consolidation step that names it.
///
/// Finding: a warning at such a proof when no consolidation step refers to it.
public struct SubstituteProofsConsolidated: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-008", severity: .warning, category: .premises,
    summary: LocalizedText("以场所证明等代替权属证书的，附材料整合记录。", "A premises certificate standing in for a title comes with a consolidation record."),
    message: LocalizedText("以场所证明代替权属证书，但没有材料整合记录说明", "a substitute certificate has no consolidation record"),
    hint: LocalizedText("请在“历史材料整合”中说明原有材料情况及代替理由，并由出具单位确认。", "Explain under the consolidation of historical papers what it replaces and why, confirmed by the issuing office."),
    legalBasis: LegalBasis.prefilingReuse)
  public static let appliesTo: Set<PacketKind> = [.preFiling]

  static let substitutes: Set<PropertyProofType> = [.premisesCertificate, .historicOrPublicHousing]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .preFiling(let filing) = packet else { return }
    let referenced = Set(filing.consolidation.flatMap(\.proofRefs))
    for proof in filing.proofs where Self.substitutes.contains(proof.type) && !referenced.contains(proof.id) {
      context.report(
        LocalizedText("证明 \(proof.id)（\(proof.type.label.zh)）没有整合记录", "proof \(proof.id) (\(proof.type.label.en)) has no consolidation record"),
        at: proof.$type, value: proof.type.rawValue)
    }
  }
}
