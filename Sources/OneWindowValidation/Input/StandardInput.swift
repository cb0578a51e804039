import OneWindowCore

extension PacketSource {
  /// Standard input as one packet (XML or zip bytes), read by the intake when the packet is
  /// checked: once, since standard input cannot be read again.
  public static let standardInput = PacketSource(displayName: "<stdin>", kind: .standardInput)

  /// The packet's XML bytes (a folder's `packet.xml`, a zip's `packet.xml`), through the one
  /// intake.
  ///
  /// - Throws: ``OneWindowError/unreadable(path:reason:)`` when the input cannot be read, is over
  ///   the size limit, or is a refused zip.
  public func bytes(cap: Int) throws(OneWindowError) -> [UInt8] {
    let received = try PacketIntake.receive(self, maxBytes: cap, hashing: false)
    switch received.content {
    case .xml(let bytes, _): return bytes
    case .refused(let findings, _):
      throw .unreadable(
        path: displayName, reason: findings.map { "[\($0.ruleID)] \($0.message.en)" }.joined(separator: "; "))
    }
  }
}
