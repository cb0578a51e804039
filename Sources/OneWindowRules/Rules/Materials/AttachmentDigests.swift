public import OneWindowCore

/// Each declared SHA-256 equals the digest of the attachment actually supplied.
///
/// Finding: an error at a material's `SHA256` when the supplied file differs; one info when the
/// packet came as a single file, so no digest could be checked.
public struct AttachmentDigests: Rule {
  public static let descriptor = RuleDescriptor(
    id: "DOC-002", severity: .error, category: .materials,
    summary: LocalizedText("材料清单中的摘要与所附文件一致。", "Declared digests match the attached files."),
    message: LocalizedText("附件内容与材料清单中的摘要不一致", "the attachment does not match its declared digest"),
    hint: LocalizedText("重新计算附件的 SHA-256 并更新清单，或替换为正确的文件。", "Recompute the file's SHA-256 and update the manifest, or attach the right file."),
    legalBasis: LegalBasis.truthfulness)
  public static let appliesTo = RequiredMaterials.appliesTo
  public static let input = RuleInput.attachments

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let materials = packet.materials
    guard !materials.isEmpty else { return }
    guard let attachments = context.attachments else {
      context.reportNotEvaluated(
        LocalizedText(
          "附件未随数据包提交，材料摘要未核验（以数据包文件夹或 zip 提交时核验）",
          "no attachments came with the packet, so digests were not checked (send a packet folder or zip)"),
        because: .attachments)
      return
    }
    for material in materials {
      guard let digest = attachments.digests[material.fileName], digest != material.sha256 else { continue }
      context.report(
        LocalizedText(
          "附件 \(material.fileName) 的 SHA-256 为 \(digest)，与清单不符", "\(material.fileName) has SHA-256 \(digest), not the declared one"),
        at: material.$sha256, value: material.sha256)
    }
  }
}
