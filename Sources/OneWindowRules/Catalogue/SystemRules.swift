public import OneWindowCore

/// Findings that come from the input policy and the packet envelope rather than business rules.
///
/// Their ids follow the rule pattern and are listed in the rule catalogue like any rule.
public enum SystemRules {
  private static let policyBasis = LocalizedText(
    zh: "OneWindow 输入安全策略：不处理 DTD 与实体，限制大小、层级与属性数量（见命令参考 Documentation/CommandReference.md“Security”一节）",
    en: "OneWindow input policy: no DTD or entity processing; bounded size, depth and attributes (Documentation/CommandReference.md, Security)")

  public static let doctypeForbidden = RuleDescriptor(
    id: "SEC-001", severity: .error, category: .security,
    summary: LocalizedText(
      zh: "数据包不得含有 DOCTYPE 或其他标记声明。", en: "A packet carries no DOCTYPE or other markup declaration."),
    message: LocalizedText(
      zh: "数据包含有 DOCTYPE 或实体声明，出于安全原因不予处理",
      en: "the packet contains a DOCTYPE or entity declaration, which is never processed"),
    hint: LocalizedText(
      zh: "删除 <!DOCTYPE …> 及所有 <!ENTITY …> 声明后重新提交。",
      en: "Remove the <!DOCTYPE …> and any <!ENTITY …> declarations and submit again."),
    legalBasis: policyBasis)

  public static let packetTooLarge = RuleDescriptor(
    id: "SEC-002", severity: .error, category: .security,
    summary: LocalizedText(zh: "数据包大小不超过上限。", en: "A packet stays within the size limit."),
    message: LocalizedText(zh: "数据包超过允许的大小", en: "the packet exceeds the size limit"),
    hint: LocalizedText(
      zh: "附件请放入数据包文件夹或 zip 包中，不要嵌入 XML；确需更大上限请联系窗口。",
      en: "Put attachments beside the XML in a packet folder or zip instead of embedding them."),
    legalBasis: policyBasis)

  public static let nestingTooDeep = RuleDescriptor(
    id: "SEC-003", severity: .error, category: .security,
    summary: LocalizedText(zh: "元素嵌套层级不超过上限。", en: "Elements are not nested beyond the depth limit."),
    message: LocalizedText(zh: "元素嵌套层级过深", en: "elements are nested too deeply"),
    hint: LocalizedText(
      zh: "按数据包规范的结构填写，不要自行增加嵌套层级。", en: "Follow the packet structure of the schema."),
    legalBasis: policyBasis)

  public static let tooManyAttributes = RuleDescriptor(
    id: "SEC-004", severity: .error, category: .security,
    summary: LocalizedText(zh: "单个元素的属性数量不超过上限。", en: "No start tag carries more attributes than the limit."),
    message: LocalizedText(zh: "单个元素的属性过多", en: "one element carries too many attributes"),
    hint: LocalizedText(zh: "删除多余的属性。", en: "Remove the surplus attributes."),
    legalBasis: policyBasis)

  private static let zipBasis = LocalizedText(
    zh: "OneWindow 输入安全策略：zip 数据包只在内存中读取，不解压到磁盘，条目路径、类型、数量与大小受限（见命令参考 Documentation/CommandReference.md“Security”一节）",
    en: "OneWindow input policy: zip packets are read in memory, never extracted; entry paths, types, count and sizes are bounded (Documentation/CommandReference.md, Security)")

  public static let zipUnsafePath = RuleDescriptor(
    id: "SEC-005", severity: .error, category: .security,
    summary: LocalizedText(
      zh: "zip 数据包的条目路径均为包内的相对路径。", en: "Every entry of a zip packet has a plain relative path inside the archive."),
    message: LocalizedText(
      zh: "zip 条目路径不安全（含 ..、绝对路径、反斜杠、盘符或控制字符），数据包不予处理",
      en: "a zip entry has an unsafe path (.., an absolute path, a backslash, a drive letter or a control character), so the packet is refused"),
    hint: LocalizedText(
      zh: "在数据包文件夹内直接选中 packet.xml 与附件重新压缩，不要包含上级目录或绝对路径。",
      en: "Select packet.xml and the attachments inside the packet folder and zip them again, without parent folders or absolute paths."),
    legalBasis: zipBasis)

  public static let zipSymlink = RuleDescriptor(
    id: "SEC-006", severity: .error, category: .security,
    summary: LocalizedText(zh: "zip 数据包不含符号链接。", en: "A zip packet holds no symbolic link."),
    message: LocalizedText(
      zh: "zip 条目是符号链接，数据包不予处理", en: "a zip entry is a symbolic link, so the packet is refused"),
    hint: LocalizedText(
      zh: "用文件本身替换链接后重新压缩（压缩时不要保留符号链接）。",
      en: "Replace the link with the file itself and zip again (do not store symbolic links)."),
    legalBasis: zipBasis)

  public static let zipDuplicateName = RuleDescriptor(
    id: "SEC-007", severity: .error, category: .security,
    summary: LocalizedText(zh: "zip 数据包内条目名称不重复。", en: "No two entries of a zip packet share a name."),
    message: LocalizedText(
      zh: "zip 内有同名条目，无法确定以哪一个为准", en: "two zip entries have the same name, so neither can be trusted"),
    hint: LocalizedText(
      zh: "删除重复的文件后重新压缩。", en: "Remove the duplicate file and zip again."),
    legalBasis: zipBasis)

  public static let zipEncrypted = RuleDescriptor(
    id: "SEC-008", severity: .error, category: .security,
    summary: LocalizedText(zh: "zip 数据包不加密。", en: "A zip packet is not encrypted."),
    message: LocalizedText(
      zh: "zip 条目已加密，无法读取", en: "a zip entry is encrypted and cannot be read"),
    hint: LocalizedText(
      zh: "压缩时不要设置密码，重新提交。", en: "Zip the packet again without a password."),
    legalBasis: zipBasis)

  public static let zipOverLimit = RuleDescriptor(
    id: "SEC-009", severity: .error, category: .security,
    summary: LocalizedText(
      zh: "zip 数据包的大小、条目数量与压缩比不超过上限。",
      en: "A zip packet stays within the limits on size, entry count and compression ratio."),
    message: LocalizedText(
      zh: "zip 数据包超过大小、条目数量或压缩比上限（可能是压缩炸弹），已停止解压",
      en: "the zip packet exceeds a limit on size, entry count or compression ratio (a possible zip bomb); reading stopped"),
    hint: LocalizedText(
      zh: "减少或压缩附件（例如降低扫描分辨率），分次提交；确需更大上限请联系窗口。",
      en: "Send fewer or smaller attachments (for example, scan at a lower resolution); ask the counter if a larger limit is needed."),
    legalBasis: zipBasis)

  public static let zipWithoutPacket = RuleDescriptor(
    id: "SEC-010", severity: .error, category: .packet,
    summary: LocalizedText(
      zh: "zip 数据包的根目录下有 packet.xml。", en: "A zip packet holds packet.xml at its root."),
    message: LocalizedText(
      zh: "zip 根目录下没有 packet.xml", en: "the zip holds no packet.xml at its root"),
    hint: LocalizedText(
      zh: "把 packet.xml 与附件放在压缩包的最上层（压缩文件夹里的内容，而不是文件夹本身）。",
      en: "Put packet.xml and the attachments at the top of the archive (zip the folder's contents, not the folder)."),
    legalBasis: zipBasis)

  public static let zipCorrupt = RuleDescriptor(
    id: "SEC-011", severity: .error, category: .packet,
    summary: LocalizedText(
      zh: "zip 数据包完整、可读。", en: "A zip packet is complete and readable."),
    message: LocalizedText(
      zh: "zip 数据包已损坏、被截断或使用了不支持的格式", en: "the zip packet is damaged, truncated or in a format OneWindow does not read"),
    hint: LocalizedText(
      zh: "重新生成压缩包（使用标准 zip 格式，压缩方式为“存储”或 Deflate），并确认上传完整。",
      en: "Create the archive again (standard zip, stored or Deflate) and check that the upload is complete."),
    legalBasis: zipBasis)

  public static let invalidUTF16 = RuleDescriptor(
    id: "ENC-001", severity: .error, category: .security,
    summary: LocalizedText(zh: "UTF-16 数据包能够正确解码。", en: "A UTF-16 packet decodes."),
    message: LocalizedText(zh: "数据包看似 UTF-16 编码，但无法正确解码", en: "the packet looks like UTF-16 but does not decode"),
    hint: LocalizedText(zh: "请以 UTF-8 编码重新保存数据包。", en: "Save the packet again as UTF-8."),
    legalBasis: policyBasis)

  public static let unsupportedEncoding = RuleDescriptor(
    id: "ENC-002", severity: .error, category: .security,
    summary: LocalizedText(zh: "数据包使用受支持的编码。", en: "A packet uses a supported encoding."),
    message: LocalizedText(zh: "数据包使用了不受支持的编码（UTF-32）", en: "the packet uses an unsupported encoding (UTF-32)"),
    hint: LocalizedText(zh: "请以 UTF-8 编码重新保存数据包。", en: "Save the packet again as UTF-8."),
    legalBasis: policyBasis)

  public static let unknownPacket = RuleDescriptor(
    id: "PKT-001", severity: .error, category: .packet,
    summary: LocalizedText(
      zh: "数据包的根元素属于已知的数据包类型。", en: "A packet's root element belongs to a known packet family."),
    message: LocalizedText(zh: "根元素不是已知的数据包类型", en: "the root element is not a known packet type"),
    hint: LocalizedText(
      zh: "该文件不是一窗通办的申报数据包：请提交申报系统导出的数据包，不要自行修改数据包的类型。",
      en: "The file is not a OneWindow packet: submit the packet the filing software exports, without changing its type."),
    legalBasis: LocalizedText(
      zh: "OneWindow 数据包规范 v1（Schemas/）", en: "OneWindow packet specification v1 (Schemas/)"))

  /// Every system rule, for the catalogue.
  public static let all: [RuleDescriptor] = [
    invalidUTF16, unsupportedEncoding, unknownPacket, doctypeForbidden, packetTooLarge,
    nestingTooDeep, tooManyAttributes, zipUnsafePath, zipSymlink, zipDuplicateName, zipEncrypted,
    zipOverLimit, zipWithoutPacket, zipCorrupt,
  ] + TradeBundleRules.all

  package static let wellFormednessHint = LocalizedText(
    zh: "数据包不是格式正确的 XML：请用导出工具重新生成，或按提示的行号修正标签与字符。",
    en: "The packet is not well-formed XML: regenerate it, or fix the tags and characters at the line shown.")

  package static let formatBasis = LocalizedText(
    zh: "可扩展标记语言 XML 1.0（W3C 推荐标准）", en: "Extensible Markup Language (XML) 1.0, W3C Recommendation")

  /// The hint of a schema finding whose field is not known.
  package static let schemaHint = LocalizedText(
    zh: "请按数据包的填写要求更正该项后重新提交；各项的填写要求见数据包字段说明。",
    en: "Correct the item as the packet's field guide requires, then submit again.")

  /// The hint of a schema finding on a known field: its label (and expected format), never its
  /// element name.
  package static func schemaHint(field: String, english: String?, format: String?) -> LocalizedText {
    LocalizedText(
      zh: "请按填写要求更正“\(field)”一项\(format.map { "（应为\($0)）" } ?? "")后重新提交。",
      en: "Correct '\(english ?? field)' as the packet's field guide requires, then submit again.")
  }

  package static func schemaBasis(family: String?) -> LocalizedText {
    let name = family ?? "?"
    return LocalizedText(
      zh: "OneWindow 数据包规范 \(name) v1（XSD 1.0）", en: "OneWindow packet specification \(name) v1 (XSD 1.0)")
  }
}
