public import OneWindowCore

/// A reference to a material points at a material of the right kind (a layout plan for
/// `LayoutPlanRef`, a property proof for a proof, an agreement for an agreement…).
///
/// Finding: an error at the reference when the material it names has another kind.
public struct MaterialKindMatchesUse: Rule {
  public static let descriptor = RuleDescriptor(
    id: "DOC-005", severity: .error, category: .materials,
    summary: LocalizedText("材料引用指向相应种类的材料。", "A material reference points at the right kind of material."),
    message: LocalizedText("引用的材料种类不符", "the referenced material is of the wrong kind"),
    hint: LocalizedText("请核对材料编号，或更正该材料的种类。", "Check the material id, or correct the material's kind."),
    legalBasis: LegalBasis.materials)
  public static let appliesTo = RequiredMaterials.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let materials = packet.materials
    for (reference, kinds) in packet.materialReferences {
      // A manifest holds a dozen entries: a linear search costs less than hashing them.
      guard let material = materials.first(where: { $0.id == reference.id }), !kinds.contains(material.kind) else {
        continue
      }
      let wanted = kinds.map(\.label.zh).sorted().joined(separator: "或")
      context.report(
        LocalizedText(
          "材料 \(reference.id) 为“\(material.kind.label.zh)”，此处应为\(wanted)",
          "material \(reference.id) is '\(material.kind.label.en)', expected \(kinds.map(\.label.en).sorted().joined(separator: " or "))"),
        at: reference.node, value: reference.id)
    }
  }
}
