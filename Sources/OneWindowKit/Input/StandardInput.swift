extension PacketSource {
  /// Standard input as one packet, read up to one byte past `cap` (so an oversized packet is
  /// reported as such without reading it all).
  public static func standardInput(cap: Int) throws(OneWindowError) -> PacketSource {
    let bytes: [UInt8]
    switch try FileBytes.readStandardInput(cap: cap) {
    case .bytes(let read): bytes = read
    case .oversize(let size): bytes = Array(repeating: 0x20, count: min(size, cap + 1))
    }
    return PacketSource(displayName: "<stdin>", kind: .memory(bytes: bytes))
  }
}

extension PacketSource {
  /// The packet's XML bytes (a folder's `packet.xml`), refusing a file over `cap` bytes.
  ///
  /// - Throws: ``OneWindowError/unreadable(path:reason:)`` when the file cannot be read or is
  ///   larger than `cap`.
  public func bytes(cap: Int) throws(OneWindowError) -> [UInt8] {
    switch try PacketBytes.load(self, cap: cap) {
    case .bytes(let bytes): return bytes
    case .oversize(let size):
      throw .unreadable(path: displayName, reason: "the packet is \(size) bytes, the limit is \(cap)")
    }
  }
}
