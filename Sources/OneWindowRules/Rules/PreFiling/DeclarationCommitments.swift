public import OneWindowCore

/// The owner's declaration makes all five commitments of the Shandong 申报承诺制: ownership,
/// lawful use, safe use, genuine leases and valid address information.
///
/// Finding: an error at `Declaration/Commitments` naming the missing commitments.
public struct DeclarationCommitments: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-005", severity: .error, category: .premises,
    summary: LocalizedText("申报承诺涵盖权属、法定用途、安全使用、租赁合同、地址信息五项。", "The declaration makes all five commitments."),
    message: LocalizedText("申报承诺事项不全", "the declaration is missing commitments"),
    hint: LocalizedText("按《山东省市场主体住所（经营场所）申报承诺书》勾选全部五项承诺。", "Make all five commitments of the Shandong declaration form."),
    legalBasis: LegalBasis.shandongCommitment, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.preFiling, .preFilingAmendment]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let declaration: Declaration
    switch packet {
    case .preFiling(let filing): declaration = filing.declaration
    case .amendment(let amendment): declaration = amendment.declaration
    default: return
    }
    let missing = Commitment.allCases.filter { !declaration.commitments.contains($0) }
    guard !missing.isEmpty else { return }
    context.report(
      LocalizedText(
        "缺少承诺：" + missing.map(\.label.zh).joined(separator: "、"),
        "missing commitments: " + missing.map(\.label.en).joined(separator: ", ")),
      at: declaration.commitmentsNode)
  }
}
