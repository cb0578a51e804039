public import OneWindowCore

/// An amendment retires and replaces only what the pre-filing has, adds units under new ids,
/// adds proofs under new ids, and new proofs cover units that exist (before or after the amendment).
///
/// Finding: an error at each retired unit, replaced proof or covered unit that is unknown, and
/// at each added unit or added proof whose id is already in use.
public struct AmendmentReferencesExist: Rule {
  public static let descriptor = RuleDescriptor(
    id: "AM-004", severity: .error, category: .registry,
    summary: LocalizedText("变更所引用的单元与证明在预备案中存在，新增单元编号不重复。", "An amendment refers to existing units and proofs and adds new ids."),
    message: LocalizedText("变更引用了预备案中不存在的单元或证明", "the amendment refers to a unit or proof the pre-filing lacks"),
    hint: LocalizedText("核对预备案当前版本中的单元编号与证明编号。", "Check the ids against the pre-filing's current version."),
    legalBasis: LegalBasis.bureauPolicy("市南区住所预备案——变更所引用的单元与证明须存在", "Shinan address pre-filing: an amendment names units and proofs that exist"))
  public static let appliesTo: Set<PacketKind> = [.preFilingAmendment]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .amendment(let amendment) = packet,
      let record = context.registry?.preFilings[amendment.preFilingNumber]
    else { return }
    for retirement in amendment.retireUnits where record.units[retirement.unitRef] == nil {
      context.report(
        LocalizedText("预备案中没有单元 \(retirement.unitRef)", "the pre-filing has no unit \(retirement.unitRef)"),
        at: retirement.$unitRef, value: retirement.unitRef)
    }
    for replacement in amendment.replaceProofs where !record.proofIDs.contains(replacement.replaces) {
      context.report(
        LocalizedText("预备案中没有证明 \(replacement.replaces)", "the pre-filing has no proof \(replacement.replaces)"),
        at: replacement.$replaces, value: replacement.replaces)
    }
    for unit in amendment.addUnits where record.units[unit.id] != nil {
      context.report(
        LocalizedText("单元编号 \(unit.id) 在预备案中已存在", "unit id \(unit.id) already exists"),
        at: unit.$id, value: unit.id)
    }
    for proof in amendment.addProofs where record.proofIDs.contains(proof.id) {
      context.report(
        LocalizedText("证明编号 \(proof.id) 在预备案中已存在（替换证明请用 ReplaceProofs）", "proof id \(proof.id) already exists (use ReplaceProofs to replace it)"),
        at: proof.$id, value: proof.id)
    }
    let known = Set(record.units.keys).union(amendment.addUnits.map(\.id))
    for proof in amendment.addProofs + amendment.replaceProofs.map(\.proof) {
      for unit in proof.covers where !known.contains(unit) {
        context.report(
          LocalizedText("证明 \(proof.id) 覆盖的单元 \(unit) 不存在", "proof \(proof.id) covers unknown unit \(unit)"),
          at: proof.$covers, value: unit)
      }
    }
  }
}
