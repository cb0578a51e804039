public import OneWindowCore

/// The materials manifest holds every kind the packet kind requires (材料清单): the policy's list,
/// plus an entry agreement for pre-filed premises, a property proof for declared premises, and
/// a health certificate for each staff member.
///
/// Finding: an error at `Materials` for each missing kind, and at a staff member's certificate
/// that points at no material.
public struct RequiredMaterials: Rule {
  public static let descriptor = RuleDescriptor(
    id: "DOC-001", severity: .error, category: .materials,
    summary: LocalizedText("材料清单齐全。", "The materials manifest is complete."),
    message: LocalizedText("缺少必需的材料", "a required material is missing"),
    hint: LocalizedText("按一次性告知清单补齐材料并在材料清单中列明。", "Add the missing materials to the manifest as the checklist says."),
    legalBasis: LegalBasis.materials)
  public static let appliesTo: Set<PacketKind> = [
    .preFiling, .preFilingAmendment, .tenantRegistration, .restaurantOpening, .restaurantChange,
    .restaurantCancellation, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    var required = context.policy.requiredMaterials(for: packet.kind)
    switch packet.restaurantPremises {
    case .preFiled?: required.append(.entryAgreement)
    case .declared?: required.append(.propertyProof)
    case nil: break
    }
    let listed = Set(packet.materials.map(\.kind))
    let materialsNode = packet.materialsNode.or(context.root)
    var reported: Set<MaterialKind> = []
    for kind in required where !listed.contains(kind) && reported.insert(kind).inserted {
      context.report(
        LocalizedText("缺少材料：\(kind.label.zh)", "missing material: \(kind.label.en)"),
        at: materialsNode, value: kind.rawValue)
    }
    for member in packet.foodView?.staff ?? [] where member.health.material == nil {
      context.report(
        LocalizedText("\(member.name)的健康证明未附材料", "\(member.name)'s health certificate has no material"),
        at: member.health.node, value: member.name)
    }
  }
}
