public import OneWindowCore

/// Every file the manifest lists came with the packet.
///
/// Finding: an error at a material's `FileName` when no such attachment was supplied (only when
/// the packet came as a folder or zip).
public struct AttachmentsPresent: Rule {
  public static let descriptor = RuleDescriptor(
    id: "DOC-003", severity: .error, category: .materials,
    summary: LocalizedText("材料清单列出的文件均已随附。", "Every listed file is attached."),
    message: LocalizedText("材料清单列出的文件未随附", "a listed file is not attached"),
    hint: LocalizedText("把该文件放入数据包文件夹（或 zip）中，文件名与清单一致。", "Put the file in the packet folder or zip under the listed name."),
    legalBasis: LegalBasis.materials)
  public static let appliesTo = RequiredMaterials.appliesTo
  public static let input = RuleInput.attachments

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard let attachments = context.attachments else { return }
    for material in packet.materials where attachments.digests[material.fileName] == nil {
      context.report(
        LocalizedText("未找到附件 \(material.fileName)", "\(material.fileName) is not attached"),
        at: material.$fileName, value: material.fileName)
    }
  }
}
