import Crypto
import OneWindowCore
import OneWindowRules
package import OneWindowZip

/// The one intake: every entry point (validate, every write command, replay, bundle split and
/// assemble, the HTTP service) turns its input into a ``ReceivedPacket`` here, so the same bytes
/// get the same findings everywhere.
///
/// An input over the packet limit (16 MiB of XML, 64 MiB of zip by default) is refused with
/// `SEC-002`: its whole size and SHA-256 are recorded (the bytes are read once, in chunks, and
/// not kept). A zip packet is read in memory under ``ZipLimits``; a refused zip keeps its archive.
/// A packet folder or zip with no attachments has an empty attachment set, never "a single-file
/// packet".
package enum PacketIntake {
  /// Reads `source` under the limits.
  ///
  /// - Parameter hashing: compute ``ReceivedPacket/sha256`` (writes always do; `validate` only
  ///   for reports that print it). Input refused for its size is always hashed.
  /// - Throws: ``OneWindowError/unreadable(path:reason:)`` when the input cannot be read at all
  ///   (missing, not a regular file, permission denied): the tool could not run.
  package static func receive(
    _ source: PacketSource, maxBytes: Int, zip: ZipLimits = ZipLimits(), hashing: Bool = true
  ) throws(OneWindowError) -> ReceivedPacket {
    let name = source.displayName
    switch source.kind {
    case .file(let path):
      return try whole(FileBytes.load(path, cap: maxBytes), name: name, maxBytes: maxBytes, zip: zip, hashing: hashing) {
        () throws(OneWindowError) in try FileBytes.digest(path)
      }
    case .zip(let path):
      return try whole(
        FileBytes.load(path, cap: zip.maxArchiveBytes), name: name, maxBytes: maxBytes, zip: zip, hashing: hashing,
        zipLimit: true
      ) { () throws(OneWindowError) in try FileBytes.digest(path) }
    case .folder(let path):
      let xmlPath = PacketSourceCollector.join(path, PacketSourceCollector.packetFileName)
      switch try FileBytes.load(xmlPath, cap: maxBytes) {
      case .oversize:
        let (size, digest) = try FileBytes.digest(xmlPath)
        return oversize(name: name, size: size, sha256: digest, limit: maxBytes)
      case .bytes(let bytes):
        let attachments = try AttachmentReader.folderContents(path)
        return ReceivedPacket(
          name: name, size: bytes.count, sha256: hashing ? sha256(bytes) : nil,
          content: .xml(bytes, attachments: attachments))
      }
    case .memory(let bytes):
      let limit = ZipPacketReader.isZip(bytes) ? zip.maxArchiveBytes : maxBytes
      if bytes.count > limit { return oversize(name: name, size: bytes.count, sha256: sha256(bytes), limit: limit) }
      return fromBytes(bytes, name: name, maxBytes: maxBytes, zip: zip, hashing: hashing, attachments: nil)
    case .parts(let packet, let attachments):
      if packet.count > maxBytes { return oversize(name: name, size: packet.count, sha256: sha256(packet), limit: maxBytes) }
      return ReceivedPacket(
        name: name, size: packet.count, sha256: hashing ? sha256(packet) : nil,
        content: .xml(packet, attachments: attachments))
    case .standardInput:
      let read = try FileBytes.readStandardInput(cap: maxBytes, zipCap: zip.maxArchiveBytes)
      switch read {
      case .bytes(let bytes):
        return fromBytes(bytes, name: name, maxBytes: maxBytes, zip: zip, hashing: hashing, attachments: nil)
      case .oversize(let size, let digest, let isZip):
        return oversize(name: name, size: size, sha256: digest, limit: isZip ? zip.maxArchiveBytes : maxBytes)
      }
    }
  }

  /// A file read whole, or refused for its size (then hashed by streaming it once).
  private static func whole(
    _ loaded: FileBytes.Result, name: String, maxBytes: Int, zip: ZipLimits, hashing: Bool, zipLimit: Bool = false,
    digest: () throws(OneWindowError) -> (size: Int, sha256: String)
  ) throws(OneWindowError) -> ReceivedPacket {
    switch loaded {
    case .bytes(let bytes):
      return fromBytes(bytes, name: name, maxBytes: maxBytes, zip: zip, hashing: hashing, attachments: nil)
    case .oversize:
      let (size, sha) = try digest()
      return oversize(name: name, size: size, sha256: sha, limit: zipLimit ? zip.maxArchiveBytes : maxBytes)
    }
  }

  /// Bytes within the limit: a zip packet (read in memory) or XML.
  private static func fromBytes(
    _ bytes: [UInt8], name: String, maxBytes: Int, zip: ZipLimits, hashing: Bool, attachments: [String: [UInt8]]?
  ) -> ReceivedPacket {
    guard ZipPacketReader.isZip(bytes) else {
      return ReceivedPacket(
        name: name, size: bytes.count, sha256: hashing ? sha256(bytes) : nil,
        content: .xml(bytes, attachments: attachments))
    }
    let read = ZipPacketReader.read(bytes, limits: zip, maxPacketBytes: maxBytes)
    guard let packet = read.packet else {
      return ReceivedPacket(
        name: name, size: bytes.count, sha256: sha256(bytes),
        content: .refused(read.refusals.map { $0.finding(file: name) }.sorted(by: Finding.reportOrder), kept: bytes))
    }
    return ReceivedPacket(
      name: name, size: bytes.count, sha256: hashing ? sha256(packet.packetXML) : nil,
      content: .xml(packet.packetXML, attachments: packet.attachments))
  }

  /// `SEC-002` for an input over the limit: size and digest recorded, bytes not kept.
  static func oversize(name: String, size: Int, sha256: String, limit: Int) -> ReceivedPacket {
    let finding = SystemRules.packetTooLarge.finding(
      at: SourceLocation(file: name),
      detail: LocalizedText(
        zh: "数据包有 \(size) 字节，超过上限 \(limit) 字节；内容未予保存",
        en: "the packet is \(size) bytes, the limit is \(limit); its bytes were not kept"),
      value: String(size))
    return ReceivedPacket(name: name, size: size, sha256: sha256, content: .refused([finding], kept: nil))
  }

  /// Lower-case hex SHA-256.
  package static func sha256(_ bytes: [UInt8]) -> String { Hex.string(SHA256.hash(data: bytes)) }
}
