public import OneWindowCore

/// No listed material has expired on the reference date.
///
/// Finding: a warning at a material's `ValidUntil` when it is before the reference date.
public struct MaterialNotExpired: Rule {
  public static let descriptor = RuleDescriptor(
    id: "DOC-006", severity: .warning, category: .materials,
    summary: LocalizedText("材料在基准日期仍在有效期内。", "No material has expired."),
    message: LocalizedText("材料已过有效期", "the material has expired"),
    hint: LocalizedText("提交在有效期内的材料。", "Submit a material still in force."),
    legalBasis: LegalBasis.materials)
  public static let appliesTo = RequiredMaterials.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for material in packet.materials {
      guard let validUntil = material.validUntil, validUntil < context.asOf else { continue }
      context.report(
        LocalizedText("“\(material.title)”已于 \(validUntil) 过期", "'\(material.title)' expired on \(validUntil)"),
        at: material.$validUntil, value: validUntil.description)
    }
  }
}
