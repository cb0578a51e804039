public import OneWindowCore

/// The two manifests agree: a material listed on both tracks under the same id is the same
/// material (same kind, title, number, issuer, dates, file name, SHA-256 and pages), and one file
/// name does not stand for two material ids.
///
/// Finding: an error at the first differing field of the food application's `Material` whose
/// content differs from the business application's material of that id (at the `Material` when
/// that field is absent from the food application), or at the `FileName` of a food material whose
/// file the business application lists under another id.
public struct TracksShareMaterials: TrackPairRule {
  public static let descriptor = RuleDescriptor(
    id: "BD-006", severity: .error, category: .materials,
    summary: LocalizedText("两条审批线中同一编号的材料内容一致。", "A material id names the same material on both tracks."),
    message: LocalizedText("两条审批线中同一编号的材料内容不同", "the two applications list different materials under one id"),
    hint: LocalizedText("“一件事”的材料只交一套：同一材料在两线使用同一编号和相同内容，不同材料使用不同编号。", "Materials are submitted once: use one id and the same entry for a material on both tracks, and another id for another material."),
    legalBasis: LegalBasis.oneThing, stage: .acceptance)

  public init() {}

  /// The manifest fields in which two entries of one material id differ: each field's label
  /// and where it stands in `right` (nothing when `right` lacks it).
  public static func differences(_ left: Material, _ right: Material) -> [(label: LocalizedText, node: NodeRef)] {
    var fields: [(LocalizedText, NodeRef)] = []
    if left.kind != right.kind { fields.append((LocalizedText("材料类型", "kind"), right.$kind)) }
    if left.title != right.title { fields.append((LocalizedText("名称", "title"), right.$title)) }
    if left.number != right.number { fields.append((LocalizedText("文号", "number"), right.$number)) }
    if left.issuer != right.issuer { fields.append((LocalizedText("出具机关", "issuer"), right.$issuer)) }
    if left.issuedOn != right.issuedOn { fields.append((LocalizedText("出具日期", "issue date"), right.$issuedOn)) }
    if left.validUntil != right.validUntil { fields.append((LocalizedText("有效期至", "valid until"), right.$validUntil)) }
    if left.fileName != right.fileName { fields.append((LocalizedText("文件名", "file name"), right.$fileName)) }
    if left.sha256 != right.sha256 { fields.append((LocalizedText("SHA-256", "SHA-256"), right.$sha256)) }
    if left.pages != right.pages { fields.append((LocalizedText("页数", "pages"), right.$pages)) }
    return fields
  }

  public func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext) {
    let businessByID = Dictionary(business.materials.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let businessByFile = Dictionary(business.materials.map { ($0.fileName, $0) }, uniquingKeysWith: { first, _ in first })
    for material in food.materials {
      guard let other = businessByID[material.id] else {
        if let other = businessByFile[material.fileName] {
          context.report(
            LocalizedText(
              "文件 \(material.fileName) 在营业执照线为材料 \(other.id)，在食品线为材料 \(material.id)",
              "file '\(material.fileName)' is material \(other.id) on the business track and \(material.id) on the food track"),
            at: material.$fileName, value: material.fileName)
        }
        continue
      }
      let fields = Self.differences(other, material)
      guard !fields.isEmpty else { continue }
      let zh = fields.map(\.label.zh).joined(separator: "、")
      let en = fields.map(\.label.en).joined(separator: ", ")
      context.report(
        LocalizedText("材料 \(material.id) 在两条审批线上不同：\(zh)", "material \(material.id) differs between the tracks: \(en)"),
        at: fields[0].node.or(material.node), value: material.id)
    }
  }
}
