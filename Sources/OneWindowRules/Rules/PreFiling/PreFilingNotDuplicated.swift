public import OneWindowCore

/// One building, one pre-filing: no other live pre-filing (submitted, awaiting correction, or in
/// force) holds the same property proof (number and issuer) or the same unit (standard address,
/// building, floor and room). An amendment is compared with the other pre-filings, not its own;
/// a corrected resubmission not with the filing it corrects.
///
/// Finding: an error at the proof's `Number`, or at the `Unit`, naming the pre-filing that holds it.
public struct PreFilingNotDuplicated: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PF-011", severity: .error, category: .registry,
    summary: LocalizedText(
      "同一产权证明、同一单元只能由一份有效的住所预备案登记。", "A property proof or unit is held by at most one live pre-filing."),
    message: LocalizedText("已有住所预备案登记了同一产权证明或单元", "another pre-filing already holds this proof or unit"),
    hint: LocalizedText(
      "已备案的楼宇请以变更（新增单元、替换证明）办理；原预备案已不再使用的，先撤回或由窗口撤销。",
      "Amend the existing pre-filing (add units, replace proofs); if it is no longer used, withdraw it or have it revoked first."),
    legalBasis: LegalBasis.prefilingReuse)
  public static let appliesTo: Set<PacketKind> = [.preFiling, .preFilingAmendment]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let facts = context.registry else { return }
    let proofs: [PropertyProof]
    let units: [OneWindowCore.Unit]
    switch packet {
    case .preFiling(let filing): (proofs, units) = (filing.proofs, filing.units)
    case .amendment(let amendment): (proofs, units) = (amendment.addProofs + amendment.replaceProofs.map(\.proof), amendment.addUnits)
    default: return
    }
    for proof in proofs {
      guard let holders = facts.proofHolders[proof.number] else { continue }
      let list = holders.joined(separator: "、")
      context.report(
        LocalizedText("产权证明 \(proof.number) 已由住所预备案 \(list) 登记", "proof \(proof.number) is already held by pre-filing \(list)"),
        at: proof.$number, value: proof.number)
    }
    for unit in units {
      guard let holders = facts.unitHolders[unit.placeKey] else { continue }
      let list = holders.joined(separator: "、")
      context.report(
        LocalizedText(
          "\(unit.floor) 层 \(unit.room) 室已由住所预备案 \(list) 登记", "floor \(unit.floor), room \(unit.room) is already held by pre-filing \(list)"),
        at: unit.$id, value: unit.id)
    }
  }
}
