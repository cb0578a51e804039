extension PacketSource {
  /// Standard input as one packet, read up to one byte past `cap` (so an oversized packet is
  /// reported as such without reading it all). Bytes that start like a zip packet are read up to
  /// one byte past `zipCap` instead.
  public static func standardInput(cap: Int, zipCap: Int? = nil) throws(OneWindowError) -> PacketSource {
    let bytes: [UInt8]
    let read = try FileBytes.readStandardInput(cap: cap, zipCap: zipCap)
    switch read.result {
    case .bytes(let all): bytes = all
    case .oversize(let size):
      // Stands in for what was refused, just over the cap: a zip stays a zip (so the report says
      // SEC-009), XML becomes blanks (SEC-002).
      let zip = read.zip && (zipCap ?? 0) > cap
      let limit = zip ? zipCap ?? cap : cap
      bytes =
        zip
        ? [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: max(min(size, limit + 1) - 4, 0))
        : Array(repeating: 0x20, count: min(size, limit + 1))
    }
    return PacketSource(displayName: "<stdin>", kind: .memory(bytes: bytes))
  }
}

extension PacketSource {
  /// The packet's XML bytes (a folder's `packet.xml`), refusing a file over `cap` bytes.
  ///
  /// - Throws: ``OneWindowError/unreadable(path:reason:)`` when the file cannot be read or is
  ///   larger than `cap`.
  ///
  /// For a zip packet, the bytes of its `packet.xml`, read under the default ``ZipLimits``.
  public func bytes(cap: Int) throws(OneWindowError) -> [UInt8] {
    switch try PacketBytes.load(self, cap: cap) {
    case .bytes(let bytes):
      guard isZip || ZipPacketReader.isZip(bytes) else { return bytes }
      let read = ZipPacketReader.read(bytes, limits: ZipLimits(), maxPacketBytes: cap)
      guard let packet = read.packet else {
        throw .unreadable(
          path: displayName,
          reason: read.refusals.map { "[\($0.rule.id)] \($0.detail.en)" }.joined(separator: "; "))
      }
      return packet.packetXML
    case .oversize(let size):
      throw .unreadable(path: displayName, reason: "the packet is \(size) bytes, the limit is \(cap)")
    }
  }
}
