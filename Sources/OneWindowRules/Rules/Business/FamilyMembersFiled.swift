public import OneWindowCore

/// A family business (家庭经营) files the family members who take part; an individual one does not.
///
/// Finding: an error at `CompositionForm` when a family business lists no member, or when a
/// business run by one person lists family members.
public struct FamilyMembersFiled: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-009", severity: .error, category: .name,
    summary: LocalizedText("家庭经营须备案参加经营的家庭成员。", "A family business files its participating family members."),
    message: LocalizedText("家庭经营未填写参加经营的家庭成员", "a family business lists no participating family member"),
    hint: LocalizedText("家庭经营请在“参加经营的家庭成员”中填写每位家庭成员；个人经营不填。", "For a family business list the family members taking part; leave them out for one person."),
    legalBasis: LegalBasis.individualItems, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [.restaurantOpening, .businessLicenceApplication]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let core = packet.restaurantCore else { return }
    if core.compositionForm == .family && core.familyMembers.isEmpty {
      context.report(at: core.$compositionForm, value: core.compositionForm.rawValue)
    } else if core.compositionForm == .individual && !core.familyMembers.isEmpty {
      context.report(
        LocalizedText("个人经营不应填写家庭成员；如家庭共同经营，组成形式应为家庭经营", "a one-person business lists family members; use FAMILY if they take part"),
        at: core.$compositionForm, value: core.compositionForm.rawValue)
    }
  }
}
