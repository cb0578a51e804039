public import OneWindowCore

/// A proof's area is at least the total area of the units it covers.
///
/// Finding: a warning at the proof's `Area` when the covered units add up to more.
public struct ProofAreaCoversUnits: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-003", severity: .warning, category: .premises,
    summary: LocalizedText("产权证明记载面积不小于其覆盖单元面积之和。", "A proof's area is at least its units' total."),
    message: LocalizedText("覆盖单元面积之和超过产权证明记载面积", "the covered units add up to more than the proof's area"),
    hint: LocalizedText("核对单元面积；单元小于证载最小单元时请附场地分割平面图及说明。", "Check the areas; attach a floor-division plan where units split the proof."),
    legalBasis: LegalBasis.realEstate)
  public static let appliesTo: Set<PacketKind> = [.preFiling]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .preFiling(let filing) = packet else { return }
    let areas = Dictionary(filing.units.map { ($0.id, $0.area) }, uniquingKeysWith: { first, _ in first })
    for proof in filing.proofs {
      guard let area = proof.area else { continue }
      let total = proof.covers.reduce(0) { $0 + (areas[$1] ?? 0) }
      if total > area + 0.005 {
        let rounded = (total * 100).rounded() / 100
        context.report(
          LocalizedText("单元面积合计 \(rounded) 平方米，证明记载 \(area) 平方米", "units total \(rounded) m², the proof records \(area) m²"),
          at: proof.$area, value: String(area))
      }
    }
  }
}
