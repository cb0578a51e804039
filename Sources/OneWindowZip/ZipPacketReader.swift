import Foundation
package import OneWindowCore
import OneWindowRules
internal import CZlib

/// A zip packet read in memory: `packet.xml` and the attachments beside it.
package struct ZipPacket: Sendable, Hashable {
  /// The bytes of `packet.xml` at the archive root.
  package var packetXML: [UInt8]
  /// Every other file, by its path inside the archive (`a.pdf`, `scans/b.jpg`). Folders, and
  /// hidden entries (`.DS_Store`, `__MACOSX/…`), are not attachments, as in a packet folder.
  package var attachments: [String: [UInt8]]
}

/// One reason a zip packet is refused: a system rule and what exactly broke it.
package struct ZipRefusal: Sendable, Hashable {
  package var rule: RuleDescriptor
  package var detail: LocalizedText
  /// The offending entry name or number, escaped for printing.
  package var value: String?

  /// The refusal as a finding located at the packet.
  package func finding(file: String) -> Finding {
    rule.finding(at: SourceLocation(file: file), detail: detail, value: value)
  }
}

/// What reading one zip packet produced.
package struct ZipReadResult: Sendable {
  /// The packet, when nothing was refused.
  package var packet: ZipPacket?
  /// Why the packet was refused; empty when `packet` is set.
  package var refusals: [ZipRefusal] = []
  /// Bytes produced by inflating (or copying stored) entries, including the one chunk that
  /// passed a cap. Never more than the cap in force plus ``ZipPacketReader/chunkSize``.
  package var inflatedBytes = 0
}

/// Reads a zip packet entirely in memory, under caps, never touching the file system.
///
/// The archive structure is parsed here with every offset bounds-checked, so nothing is trusted
/// before it is checked: the end record, the central directory, each local header and each
/// entry's data range (which must lie inside the archive and not overlap another's). Entry names
/// must be plain relative paths; symbolic links, encrypted entries and duplicate names refuse the
/// packet. Deflate data is inflated with the system's zlib in chunks of
/// ``chunkSize`` and counted as it comes: the declared sizes are checked first but not trusted,
/// and inflating stops as soon as a cap (entry, total, compression ratio) is passed. The CRC-32
/// and the size of every entry are checked against the central directory.
///
/// A general zip library is not used for hostile bytes. Measured with ZIPFoundation 0.9.20: a
/// central directory pointing past the end of the data crashes its in-memory file; a deflate
/// stream running into the end of the data loops forever in `Data.decompress`; an encrypted
/// entry silently ends the iteration, hiding the entries after it. Here zlib only ever sees the
/// entry's own bytes, and running out of them is a finding.
package enum ZipPacketReader {
  /// The packet's own XML, at the root of a zip or a packet folder.
  package static let packetFileName = "packet.xml"

  /// Inflation granularity: the most a single step can produce beyond a cap.
  package static let chunkSize = 16 << 10
  /// Below this many inflated bytes an entry's compression ratio is not judged (small, very
  /// repetitive files legitimately compress far better than any limit).
  package static let ratioFloor = 1 << 20

  /// Whether `bytes` start like a zip archive (a local file header, or an empty archive).
  package static func isZip(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else { return false }
    return (bytes[2] == 0x03 && bytes[3] == 0x04) || (bytes[2] == 0x05 && bytes[3] == 0x06)
  }

  /// Reads `packet.xml` and the attachments from an archive held in memory.
  ///
  /// - Parameters:
  ///   - archive: the zip as received.
  ///   - limits: the caps on archive size, entries, sizes and compression ratio.
  ///   - maxPacketBytes: the cap on `packet.xml` itself (the packet size limit, `SEC-002`).
  /// The CRC-32 zip records for an entry (zlib's `crc32`).
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { buffer in
      UInt32(CZlib.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
    }
  }

  package static func read(_ archive: [UInt8], limits: ZipLimits, maxPacketBytes: Int) -> ZipReadResult {
    var reader = Reader(archive: archive, limits: limits, maxPacketBytes: maxPacketBytes)
    do throws(Refused) {
      let packet = try reader.read()
      return ZipReadResult(packet: packet, inflatedBytes: reader.inflated)
    } catch {
      return ZipReadResult(packet: nil, refusals: error.refusals, inflatedBytes: reader.inflated)
    }
  }
}

/// One or more refusals, thrown to stop reading.
private struct Refused: Error {
  var refusals: [ZipRefusal]

  init(_ refusals: [ZipRefusal]) { self.refusals = refusals }
  init(_ rule: RuleDescriptor, zh: String, en: String, value: String? = nil) {
    refusals = [ZipRefusal(rule: rule, detail: LocalizedText(zh: zh, en: en), value: value)]
  }

  static func corrupt(zh: String, en: String) -> Refused {
    Refused(SystemRules.zipCorrupt, zh: "zip 数据包损坏：" + zh, en: "the zip is damaged: " + en)
  }
}

/// What the central directory says about one entry.
private struct CentralEntry {
  var rawName: [UInt8]
  var name: String
  var flags: UInt16
  var method: UInt16
  var crc: UInt32
  var compressedSize: UInt64
  var uncompressedSize: UInt64
  var localHeaderOffset: UInt64
  var madeBy: UInt16
  var externalAttributes: UInt32
  /// Where the entry's data starts, once its local header was checked.
  var dataStart = 0

  var hostSystem: UInt16 { madeBy >> 8 }
  var unixMode: UInt32 { (externalAttributes >> 16) & 0xF000 }
  /// Unix (3) and macOS (19) archivers store the file mode in the high half of the attributes.
  var hasUnixMode: Bool { hostSystem == 3 || hostSystem == 19 }
  var isSymlink: Bool { hasUnixMode && unixMode == 0xA000 }
  var isDirectory: Bool {
    name.hasSuffix("/") || (hasUnixMode && unixMode == 0x4000)
      || (hostSystem == 0 && externalAttributes & 0x10 != 0)
  }
  var isEncrypted: Bool { flags & 0x0001 != 0 || flags & 0x0040 != 0 || method == 99 }
  /// The name without a directory's trailing slash, for duplicate checks.
  var key: String { name.hasSuffix("/") ? String(name.dropLast()) : name }
  var components: [Substring] { key.split(separator: "/", omittingEmptySubsequences: false) }
  /// Dot files and macOS resource forks: never attachments (a packet folder skips them too).
  var isHidden: Bool {
    components.contains { $0.hasPrefix(".") } || components.first == "__MACOSX"
  }
}

private struct Reader {
  let archive: [UInt8]
  let limits: ZipLimits
  let maxPacketBytes: Int
  var inflated = 0
  /// Where the central directory starts: every entry's data lies before it.
  var directoryStart = 0

  init(archive: [UInt8], limits: ZipLimits, maxPacketBytes: Int) {
    self.archive = archive
    self.limits = limits
    self.maxPacketBytes = maxPacketBytes
  }

  // MARK: Little-endian fields, bounds-checked

  func u16(_ offset: Int) -> UInt16? {
    guard offset >= 0, offset + 2 <= archive.count else { return nil }
    return UInt16(archive[offset]) | UInt16(archive[offset + 1]) << 8
  }

  func u32(_ offset: Int) -> UInt32? {
    guard let low = u16(offset), let high = u16(offset + 2) else { return nil }
    return UInt32(low) | UInt32(high) << 16
  }

  // MARK: Reading

  mutating func read() throws(Refused) -> ZipPacket {
    if archive.count > limits.maxArchiveBytes {
      throw Refused(
        SystemRules.zipOverLimit,
        zh: "zip 数据包有 \(archive.count) 字节，超过上限 \(limits.maxArchiveBytes) 字节",
        en: "the zip is \(archive.count) bytes, the limit is \(limits.maxArchiveBytes)")
    }
    var entries = try centralDirectory()
    try checkNames(entries)
    try checkLocalHeaders(&entries)
    let files = entries.filter { !$0.isDirectory }
    guard let packetEntry = files.first(where: { $0.name == ZipPacketReader.packetFileName }) else {
      throw missingPacket(entries)
    }
    let wanted = files.filter { !$0.isHidden }
    try checkDeclaredSizes(wanted)

    var attachments: [String: [UInt8]] = [:]
    var packetXML: [UInt8] = []
    var total = 0
    for entry in wanted {
      let isPacket = entry.name == packetEntry.name
      let cap = isPacket ? min(maxPacketBytes, limits.maxEntryBytes) : limits.maxEntryBytes
      let bytes = try contents(of: entry, cap: cap, isPacket: isPacket, total: &total)
      if isPacket { packetXML = bytes } else { attachments[entry.name] = bytes }
    }
    return ZipPacket(packetXML: packetXML, attachments: attachments)
  }

  /// Finds the end record and parses every central directory record, all within bounds.
  mutating func centralDirectory() throws(Refused) -> [CentralEntry] {
    let endSize = 22
    guard archive.count >= endSize else {
      throw .corrupt(
        zh: "只有 \(archive.count) 字节，不足以构成 zip", en: "only \(archive.count) bytes, too short for a zip")
    }
    // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
    var end: Int?
    var candidate = archive.count - endSize
    let lowest = max(0, archive.count - endSize - 0xFFFF)
    while candidate >= lowest {
      if archive[candidate] == 0x50, u32(candidate) == 0x0605_4B50, let comment = u16(candidate + 20),
        candidate + endSize + Int(comment) <= archive.count
      {
        end = candidate
        break
      }
      candidate -= 1
    }
    guard let end, let disk = u16(end + 4), let directoryDisk = u16(end + 6),
      let onDisk = u16(end + 8), let count = u16(end + 10), let size = u32(end + 12),
      let offset = u32(end + 16)
    else {
      throw .corrupt(
        zh: "找不到中央目录结束记录（文件被截断，或不是 zip）",
        en: "no end-of-central-directory record (the file is truncated, or not a zip)")
    }
    if disk != 0 || directoryDisk != 0 || onDisk != count {
      throw .corrupt(zh: "分卷压缩包不受支持", en: "multi-part archives are not supported")
    }
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
      throw .corrupt(zh: "ZIP64 结构不受支持", en: "the ZIP64 archive structure is not supported")
    }
    if Int(count) > limits.maxEntries {
      throw Refused(
        SystemRules.zipOverLimit,
        zh: "zip 有 \(count) 个条目，超过上限 \(limits.maxEntries) 个",
        en: "the zip has \(count) entries, the limit is \(limits.maxEntries)", value: String(count))
    }
    directoryStart = Int(offset)
    let directoryEnd = directoryStart + Int(size)
    guard directoryEnd <= end else {
      throw .corrupt(
        zh: "中央目录超出文件范围（文件被截断）", en: "the central directory lies outside the file (truncated)")
    }

    var entries: [CentralEntry] = []
    entries.reserveCapacity(Int(count))
    var position = directoryStart
    for index in 0..<Int(count) {
      guard position + 46 <= directoryEnd, u32(position) == 0x0201_4B50,
        let madeBy = u16(position + 4), let flags = u16(position + 8), let method = u16(position + 10),
        let crc = u32(position + 16), let compressed = u32(position + 20),
        let uncompressed = u32(position + 24), let nameLength = u16(position + 28),
        let extraLength = u16(position + 30), let commentLength = u16(position + 32),
        let external = u32(position + 38), let localOffset = u32(position + 42)
      else {
        throw .corrupt(
          zh: "中央目录第 \(index + 1) 条记录损坏或缺失", en: "central directory record \(index + 1) is damaged or missing")
      }
      let nameStart = position + 46
      let extraStart = nameStart + Int(nameLength)
      let next = extraStart + Int(extraLength) + Int(commentLength)
      guard next <= directoryEnd else {
        throw .corrupt(
          zh: "中央目录第 \(index + 1) 条记录超出范围", en: "central directory record \(index + 1) runs past the directory")
      }
      let rawName = Array(archive[nameStart..<extraStart])
      let extra = Array(archive[extraStart..<extraStart + Int(extraLength)])
      var entry = CentralEntry(
        rawName: rawName, name: Self.decodeName(rawName, flags: flags, extra: extra), flags: flags,
        method: method, crc: crc, compressedSize: UInt64(compressed), uncompressedSize: UInt64(uncompressed),
        localHeaderOffset: UInt64(localOffset), madeBy: madeBy, externalAttributes: external)
      try Self.applyZIP64(extra, to: &entry, index: index)
      entries.append(entry)
      position = next
    }
    return entries
  }

  /// Sizes and offsets a ZIP64 extra field (0x0001) carries for fields set to 0xFFFFFFFF.
  static func applyZIP64(_ extra: [UInt8], to entry: inout CentralEntry, index: Int) throws(Refused) {
    let needs = [
      entry.uncompressedSize == 0xFFFF_FFFF, entry.compressedSize == 0xFFFF_FFFF,
      entry.localHeaderOffset == 0xFFFF_FFFF,
    ]
    guard needs.contains(true) else { return }
    var values: [UInt64] = []
    var position = 0
    while position + 4 <= extra.count {
      let tag = UInt16(extra[position]) | UInt16(extra[position + 1]) << 8
      let length = Int(UInt16(extra[position + 2]) | UInt16(extra[position + 3]) << 8)
      let body = position + 4
      guard body + length <= extra.count else { break }
      if tag == 0x0001 {
        var field = body
        while field + 8 <= body + length {
          var value: UInt64 = 0
          for byte in (0..<8).reversed() { value = value << 8 | UInt64(extra[field + byte]) }
          values.append(value)
          field += 8
        }
      }
      position = body + length
    }
    var next = values.makeIterator()
    func take() throws(Refused) -> UInt64 {
      guard let value = next.next() else {
        throw .corrupt(
          zh: "第 \(index + 1) 个条目的 ZIP64 字段缺失", en: "entry \(index + 1) lacks its ZIP64 sizes")
      }
      return value
    }
    if needs[0] { entry.uncompressedSize = try take() }
    if needs[1] { entry.compressedSize = try take() }
    if needs[2] { entry.localHeaderOffset = try take() }
  }

  /// The entry name as text: UTF-8 when flagged (bit 11) or carried in an Info-ZIP Unicode
  /// path field (0x7075) or simply valid; otherwise GB18030 (Chinese Windows archivers), else
  /// a lossy decoding that still shows what the name was.
  static func decodeName(_ raw: [UInt8], flags: UInt16, extra: [UInt8]) -> String {
    if flags & 0x0800 != 0 {
      return String(decoding: raw, as: UTF8.self)
    }
    var position = 0
    while position + 4 <= extra.count {
      let tag = UInt16(extra[position]) | UInt16(extra[position + 1]) << 8
      let length = Int(UInt16(extra[position + 2]) | UInt16(extra[position + 3]) << 8)
      let body = position + 4
      guard body + length <= extra.count else { break }
      if tag == 0x7075, length > 5, extra[body] == 1 {
        let crc = UInt32(extra[body + 1]) | UInt32(extra[body + 2]) << 8 | UInt32(extra[body + 3]) << 16
          | UInt32(extra[body + 4]) << 24
        if crc == ZipPacketReader.crc32(raw),
          let name = String(validating: extra[(body + 5)..<(body + length)], as: UTF8.self)
        {
          return name
        }
      }
      position = body + length
    }
    if let name = String(validating: raw, as: UTF8.self) { return name }
    if let name = String(bytes: raw, encoding: gb18030) { return name }
    return String(decoding: raw, as: UTF8.self)
  }

  /// GB 18030 (a superset of GBK), as Foundation names it.
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  /// Unsafe paths, links, encrypted entries and duplicate names: one refusal per entry.
  func checkNames(_ entries: [CentralEntry]) throws(Refused) {
    var refusals: [ZipRefusal] = []
    var seen: Set<String> = []
    var reported: Set<String> = []
    for entry in entries {
      let shown = Self.display(entry.name)
      if let problem = Self.pathProblem(entry.name) {
        refusals.append(
          ZipRefusal(
            rule: SystemRules.zipUnsafePath,
            detail: LocalizedText(zh: "条目“\(shown)”\(problem.zh)", en: "entry '\(shown)' \(problem.en)"),
            value: shown))
        continue
      }
      if entry.isSymlink {
        refusals.append(
          ZipRefusal(
            rule: SystemRules.zipSymlink,
            detail: LocalizedText(zh: "条目“\(shown)”是符号链接", en: "entry '\(shown)' is a symbolic link"),
            value: shown))
      }
      if entry.isEncrypted {
        refusals.append(
          ZipRefusal(
            rule: SystemRules.zipEncrypted,
            detail: LocalizedText(zh: "条目“\(shown)”已加密", en: "entry '\(shown)' is encrypted"), value: shown))
      }
      if !seen.insert(entry.key).inserted, reported.insert(entry.key).inserted {
        refusals.append(
          ZipRefusal(
            rule: SystemRules.zipDuplicateName,
            detail: LocalizedText(zh: "条目“\(shown)”出现不止一次", en: "entry '\(shown)' occurs more than once"),
            value: shown))
      }
    }
    if !refusals.isEmpty { throw Refused(refusals) }
  }

  /// Why a name is not a plain relative path, or nil.
  static func pathProblem(_ name: String) -> (zh: String, en: String)? {
    if name.isEmpty { return ("没有名称", "has no name") }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return ("含有控制字符", "contains a control character")
    }
    if name.contains("\\") { return ("含有反斜杠", "contains a backslash") }
    if name.hasPrefix("/") { return ("是绝对路径", "is an absolute path") }
    if name.contains(":") { return ("含有盘符或冒号", "contains a drive letter or colon") }
    let key = name.hasSuffix("/") ? String(name.dropLast()) : name
    for component in key.split(separator: "/", omittingEmptySubsequences: false) {
      if component == ".." { return ("含有 .. 路径段，指向数据包之外", "has a '..' component that leads out of the packet") }
      if component == "." || component.isEmpty { return ("含有空路径段或 . 路径段", "has an empty or '.' component") }
    }
    return nil
  }

  /// A name made safe to print: control characters escaped, at most 200 characters.
  static func display(_ name: String) -> String {
    var shown = ""
    for scalar in name.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        shown += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown.count > 200 ? String(shown.prefix(200)) + "…" : shown
  }

  /// Checks each file entry's local header and data range; ranges may not overlap.
  func checkLocalHeaders(_ entries: inout [CentralEntry]) throws(Refused) {
    var ranges: [(start: Int, end: Int, name: String)] = []
    for index in entries.indices where !entries[index].isDirectory {
      let entry = entries[index]
      let shown = Self.display(entry.name)
      guard entry.localHeaderOffset <= UInt64(archive.count), entry.compressedSize <= UInt64(archive.count)
      else {
        throw .corrupt(zh: "条目“\(shown)”的位置超出文件范围", en: "entry '\(shown)' points outside the file")
      }
      let header = Int(entry.localHeaderOffset)
      guard u32(header) == 0x0403_4B50, let flags = u16(header + 6), let nameLength = u16(header + 26),
        let extraLength = u16(header + 28)
      else {
        throw .corrupt(zh: "条目“\(shown)”的本地文件头损坏", en: "the local header of '\(shown)' is damaged")
      }
      let nameStart = header + 30
      let dataStart = nameStart + Int(nameLength) + Int(extraLength)
      let dataEnd = dataStart + Int(entry.compressedSize)
      guard dataEnd <= directoryStart else {
        throw .corrupt(
          zh: "条目“\(shown)”的数据不完整（文件被截断）", en: "the data of '\(shown)' is incomplete (truncated)")
      }
      guard Array(archive[nameStart..<nameStart + Int(nameLength)]) == entry.rawName else {
        throw .corrupt(
          zh: "条目“\(shown)”的本地文件头与中央目录不一致", en: "the local header of '\(shown)' disagrees with the central directory")
      }
      if flags & 0x0001 != 0 || flags & 0x0040 != 0 {
        throw Refused(
          SystemRules.zipEncrypted, zh: "条目“\(shown)”已加密", en: "entry '\(shown)' is encrypted", value: shown)
      }
      entries[index].dataStart = dataStart
      ranges.append((header, dataEnd, shown))
    }
    ranges.sort { $0.start < $1.start }
    for (first, second) in zip(ranges, ranges.dropFirst()) where second.start < first.end {
      throw .corrupt(
        zh: "条目“\(first.name)”与“\(second.name)”的数据相互重叠（人为构造的压缩包）",
        en: "entries '\(first.name)' and '\(second.name)' overlap (a crafted archive)")
    }
  }

  /// The refusal for an archive without `packet.xml` at its root, saying what it holds instead.
  func missingPacket(_ entries: [CentralEntry]) -> Refused {
    let files = entries.filter { !$0.isDirectory }
    if entries.isEmpty {
      return Refused(SystemRules.zipWithoutPacket, zh: "zip 是空的", en: "the zip is empty")
    }
    if files.isEmpty {
      return Refused(
        SystemRules.zipWithoutPacket, zh: "zip 里只有文件夹，没有文件", en: "the zip holds only folders, no file")
    }
    // An Office document is a zip too: say what it is (issue 15, item 3).
    if files.contains(where: { $0.name == "[Content_Types].xml" }) {
      let kinds: [(folder: String, zh: String, en: String)] = [
        ("word/", "Word 文档（.docx）", "a Word document (.docx)"), ("xl/", "Excel 表格（.xlsx）", "an Excel workbook (.xlsx)"),
        ("ppt/", "PowerPoint 演示文稿（.pptx）", "a PowerPoint file (.pptx)"),
      ]
      let kind = kinds.first { kind in files.contains { $0.name.hasPrefix(kind.folder) } }
      let zh = kind?.zh ?? "Office 文档", en = kind?.en ?? "an Office document"
      return Refused(
        SystemRules.zipWithoutPacket,
        zh: "这是\(zh)，不是数据包：请提交 packet.xml，或根目录含 packet.xml 的 zip（材料文件放在数据包里并在清单中登记）",
        en: "this is \(en), not a packet: submit packet.xml, or a zip with packet.xml at its root (list the document as a material)")
    }
    if let nested = files.first(where: { $0.components.last == "packet.xml" }) {
      let shown = Self.display(nested.name)
      return Refused(
        SystemRules.zipWithoutPacket,
        zh: "packet.xml 不在根目录，而在“\(shown)”：请压缩文件夹里的内容",
        en: "packet.xml is not at the root but at '\(shown)': zip the folder's contents", value: shown)
    }
    return Refused(
      SystemRules.zipWithoutPacket, zh: "zip 根目录下没有 packet.xml", en: "the zip holds no packet.xml at its root")
  }

  /// Refuses on the declared sizes before inflating anything (they are checked again as the
  /// data is inflated, since they may lie).
  func checkDeclaredSizes(_ entries: [CentralEntry]) throws(Refused) {
    var total: UInt64 = 0
    for entry in entries {
      let shown = Self.display(entry.name)
      let isPacket = entry.name == ZipPacketReader.packetFileName
      if isPacket, entry.uncompressedSize > UInt64(maxPacketBytes) {
        throw Refused(
          SystemRules.packetTooLarge,
          zh: "zip 中的 packet.xml 有 \(entry.uncompressedSize) 字节，超过上限 \(maxPacketBytes) 字节",
          en: "packet.xml in the zip is \(entry.uncompressedSize) bytes, the limit is \(maxPacketBytes)")
      }
      if entry.uncompressedSize > UInt64(limits.maxEntryBytes) {
        throw Refused(
          SystemRules.zipOverLimit,
          zh: "条目“\(shown)”声明解压后有 \(entry.uncompressedSize) 字节，超过单个文件上限 \(limits.maxEntryBytes) 字节",
          en: "entry '\(shown)' declares \(entry.uncompressedSize) bytes, the limit per file is \(limits.maxEntryBytes)",
          value: shown)
      }
      total += entry.uncompressedSize
    }
    if total > UInt64(limits.maxTotalBytes) {
      throw Refused(
        SystemRules.zipOverLimit,
        zh: "zip 声明解压后共 \(total) 字节，超过上限 \(limits.maxTotalBytes) 字节",
        en: "the zip declares \(total) bytes in all, the limit is \(limits.maxTotalBytes)")
    }
  }

  /// An entry's bytes, inflated in chunks and counted against the caps as they come.
  mutating func contents(of entry: CentralEntry, cap: Int, isPacket: Bool, total: inout Int) throws(Refused)
    -> [UInt8]
  {
    let shown = Self.display(entry.name)
    let start = entry.dataStart
    let compressed = Int(entry.compressedSize)
    var output: [UInt8] = []
    var produced = 0
    var handed = 0
    var stop: Refused?
    let limits = self.limits
    let maxPacketBytes = self.maxPacketBytes
    let archive = self.archive
    var inflated = self.inflated
    var totalSoFar = total

    /// Counts a chunk and refuses it when it passes a cap.
    func take(_ chunk: UnsafeRawBufferPointer) -> Refused? {
      inflated += chunk.count
      produced += chunk.count
      if produced > cap {
        return isPacket && cap == maxPacketBytes
          ? Refused(
            SystemRules.packetTooLarge,
            zh: "zip 中的 packet.xml 解压后超过 \(maxPacketBytes) 字节（声明为 \(entry.uncompressedSize) 字节）",
            en: "packet.xml in the zip inflates past \(maxPacketBytes) bytes (it declares \(entry.uncompressedSize))")
          : Refused(
            SystemRules.zipOverLimit,
            zh: "条目“\(shown)”解压后超过单个文件上限 \(cap) 字节（声明为 \(entry.uncompressedSize) 字节），已停止解压",
            en: "entry '\(shown)' inflates past the \(cap)-byte limit per file (it declares \(entry.uncompressedSize)); reading stopped",
            value: shown)
      }
      if totalSoFar + produced > limits.maxTotalBytes {
        return Refused(
          SystemRules.zipOverLimit,
          zh: "zip 解压后超过总上限 \(limits.maxTotalBytes) 字节（“\(shown)”声明为 \(entry.uncompressedSize) 字节），已停止解压",
          en: "the zip inflates past its \(limits.maxTotalBytes)-byte limit in all ('\(shown)' declares \(entry.uncompressedSize)); reading stopped",
          value: shown)
      }
      if produced > ZipPacketReader.ratioFloor, produced / max(handed, 1) > limits.maxCompressionRatio {
        return Refused(
          SystemRules.zipOverLimit,
          zh: "条目“\(shown)”的压缩比超过 \(limits.maxCompressionRatio):1（可能是压缩炸弹），已停止解压",
          en: "entry '\(shown)' inflates more than \(limits.maxCompressionRatio):1 (a possible zip bomb); reading stopped",
          value: shown)
      }
      output.append(contentsOf: chunk)
      return nil
    }

    var checksum: UInt32 = 0
    switch entry.method {
    case 0:
      guard entry.compressedSize == entry.uncompressedSize else {
        throw .corrupt(
          zh: "未压缩条目“\(shown)”的大小前后不一致", en: "the stored entry '\(shown)' has two different sizes")
      }
      handed = compressed
      var offset = start
      while offset < start + compressed, stop == nil {
        let end = min(offset + ZipPacketReader.chunkSize, start + compressed)
        stop = archive.withUnsafeBytes { take(UnsafeRawBufferPointer(rebasing: $0[offset..<end])) }
        offset = end
      }
      if stop == nil { checksum = ZipPacketReader.crc32(output) }
    case 8:
      // Raw deflate through zlib: input handed over a chunk at a time, output taken (and
      // counted against the caps) a chunk at a time; inflating stops at the first cap passed.
      let chunk = ZipPacketReader.chunkSize
      var stream = z_stream()
      guard onewindow_inflate_init_raw(&stream) == Z_OK else {
        self.inflated = inflated
        throw .corrupt(zh: "无法解压条目“\(shown)”", en: "cannot start inflating '\(shown)'")
      }
      defer { inflateEnd(&stream) }
      var input: [UInt8] = []
      var remaining = 0
      var buffer = [UInt8](repeating: 0, count: chunk)
      var needInput = true
      while stop == nil {
        if needInput {
          guard handed < compressed else {
            self.inflated = inflated
            throw .corrupt(
              zh: "条目“\(shown)”的压缩数据不完整（文件被截断）", en: "the compressed data of '\(shown)' ends too early (truncated)")
          }
          let end = min(compressed, handed + chunk)
          input = Array(archive[(start + handed)..<(start + end)])
          handed = end
          remaining = input.count
        }
        let pending = remaining
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
          buffer.withUnsafeMutableBufferPointer { outBuffer in
            stream.next_in = inBuffer.baseAddress.map { $0 + (inBuffer.count - pending) }
            stream.avail_in = UInt32(pending)
            stream.next_out = outBuffer.baseAddress
            stream.avail_out = UInt32(outBuffer.count)
            return inflate(&stream, Z_NO_FLUSH)
          }
        }
        remaining = Int(stream.avail_in)
        let made = chunk - Int(stream.avail_out)
        if made > 0, let refused = buffer.withUnsafeBytes({ take(UnsafeRawBufferPointer(rebasing: $0[0..<made])) }) {
          stop = refused
          break
        }
        if status == Z_STREAM_END { break }
        guard status == Z_OK || status == Z_BUF_ERROR else {
          self.inflated = inflated
          throw .corrupt(zh: "条目“\(shown)”的压缩数据损坏", en: "the compressed data of '\(shown)' is damaged")
        }
        // More input when this call used it all without filling the output; otherwise call
        // again to drain what zlib still holds.
        needInput = remaining == 0 && (stream.avail_out != 0 || status == Z_BUF_ERROR)
      }
      if stop == nil { checksum = ZipPacketReader.crc32(output) }
    default:
      throw .corrupt(
        zh: "条目“\(shown)”使用了不支持的压缩方式 \(entry.method)（请用“存储”或 Deflate）",
        en: "entry '\(shown)' uses compression method \(entry.method); use stored or Deflate")
    }
    self.inflated = inflated
    if let stop { throw stop }
    guard UInt64(produced) == entry.uncompressedSize, checksum == entry.crc else {
      throw .corrupt(
        zh: "条目“\(shown)”的大小或 CRC-32 校验值与目录不符", en: "the size or CRC-32 of '\(shown)' does not match the directory")
    }
    totalSoFar += produced
    total = totalSoFar
    return output
  }
}
