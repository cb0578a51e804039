public import OneWindowCore

/// The materials manifest holds every kind the packet kind requires (材料清单): the policy's list
/// (申请书 first), plus an entry agreement for pre-filed premises and a property proof for declared
/// premises. Staff health certificates are not application materials (食品安全法 art. 45(2): a
/// condition of starting work, checked on inspection by FL-008 and FL-009).
///
/// Finding: an error at `Materials` for each missing kind.
public struct RequiredMaterials: Rule {
  public static let descriptor = RuleDescriptor(
    id: "DOC-001", severity: .error, category: .materials,
    summary: LocalizedText("材料清单齐全。", "The materials manifest is complete."),
    message: LocalizedText("缺少必需的材料", "a required material is missing"),
    hint: LocalizedText("按一次性告知清单补齐材料并在材料清单中列明。", "Add the missing materials to the manifest as the checklist says."),
    legalBasis: LegalBasis.cite(
      "《市场主体登记管理条例》第十六条第一款；《市场主体登记管理条例实施细则》第二十五条、第三十二条、第四十六条、第四十七条；《中华人民共和国食品安全法》第三十五条第二款；《中华人民共和国行政许可法》第三十二条第一款第（四）项",
      "Market-entity registration regulation art. 16(1); implementing rules arts 25, 32, 46 and 47; Food Safety Law art. 35(2); Administrative Licensing Law art. 32(1)(iv)"))
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
    // 简易注销: the operator's 承诺书 (细则 art 47; 条例 art 33 ¶1 全体投资人书面承诺).
    if case .cancellation(let cancellation) = packet, cancellation.simplified { required.append(.declaration) }
    let listed = Set(packet.materials.map(\.kind))
    let materialsNode = packet.materialsNode.or(context.root)
    var reported: Set<MaterialKind> = []
    for kind in required where !listed.contains(kind) && reported.insert(kind).inserted {
      context.report(
        LocalizedText("缺少材料：\(kind.label.zh)", "missing material: \(kind.label.en)"),
        at: materialsNode, value: kind.rawValue)
    }
  }
}
