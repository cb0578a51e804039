public import OneWindowCore

/// Every attached file is listed in the manifest.
///
/// Finding: a warning at `Materials` for each attached file the manifest does not list.
public struct UnlistedAttachments: Rule {
  public static let descriptor = RuleDescriptor(
    id: "DOC-004", severity: .warning, category: .materials,
    summary: LocalizedText("随附的文件均列入材料清单。", "Every attached file is listed."),
    message: LocalizedText("附件未列入材料清单", "an attachment is not listed"),
    hint: LocalizedText("在材料清单中登记该文件，或将其从数据包中删除。", "List the file in the manifest, or remove it."),
    legalBasis: LegalBasis.materials)
  public static let appliesTo = RequiredMaterials.appliesTo
  public static let input = RuleInput.attachments

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let attachments = context.attachments else { return }
    let listed = Set(packet.materials.map(\.fileName))
    let node = packet.materialsNode.or(context.root)
    for name in attachments.digests.keys.sorted() where !listed.contains(name) {
      context.report(
        LocalizedText("附件 \(name) 未列入材料清单", "\(name) is not in the manifest"), at: node, value: name)
    }
  }
}
