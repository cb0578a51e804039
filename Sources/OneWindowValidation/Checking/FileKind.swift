import OneWindowCore

/// What a file that is not XML is, told by its first bytes, so a clerk hears "this is a PDF"
/// rather than "the packet is empty" (issue 15, item 3).
enum FileKind {
  private static let signatures: [(prefix: [UInt8], zh: String, en: String)] = [
    (Array("%PDF-".utf8), "PDF 文件", "a PDF file"),
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "旧版 Word 或 Excel 文档（.doc、.xls）", "an old Word or Excel document (.doc, .xls)"),
    ([0x50, 0x4B, 0x03, 0x04], "zip 压缩包（或 .docx 等 Office 文档）", "a zip archive (or an Office document such as .docx)"),
    ([0x89, 0x50, 0x4E, 0x47], "PNG 图片", "a PNG image"),
    ([0xFF, 0xD8, 0xFF], "JPEG 图片", "a JPEG image"),
    (Array("GIF8".utf8), "GIF 图片", "a GIF image"),
    (Array("{\\rtf".utf8), "RTF 文档", "an RTF document"),
  ]

  /// The kind of file `bytes` start like, or nil when it could be text.
  static func named(_ bytes: some Collection<UInt8>) -> (zh: String, en: String)? {
    for signature in signatures where bytes.starts(with: signature.prefix) { return (signature.zh, signature.en) }
    return nil
  }

  /// The message for a file of `kind` given where a packet was expected.
  static func message(_ kind: (zh: String, en: String)) -> LocalizedText {
    LocalizedText(
      zh: "这是\(kind.zh)，不是 XML 数据包：请提交 packet.xml（或含 packet.xml 的 zip），材料文件放在数据包里并在清单中登记",
      en: "this is \(kind.en), not an XML packet: submit packet.xml (or a zip with packet.xml), with documents listed as materials")
  }
}
