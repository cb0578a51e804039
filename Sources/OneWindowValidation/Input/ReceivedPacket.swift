package import OneWindowCore

/// A packet as it arrived, read once by ``PacketIntake``: what every entry point checks and what
/// a write command stores.
public struct ReceivedPacket: Sendable {
  /// How reports name the packet: the path as the user gave it, `<stdin>`, or an HTTP upload.
  public var name: String
  /// Size of the whole input in bytes (the archive, for a zip packet).
  public var size: Int
  /// SHA-256 (lower-case hex) of the packet's XML, or of the whole input when it was refused
  /// before its XML was read; nil when the caller did not ask for it.
  public var sha256: String?
  package var content: Content
  /// Built by OneWindow (a decision from a clerk's flags, an issuance), not submitted by anyone.
  package var generated = false

  /// What the intake read.
  package enum Content: Sendable {
    /// The packet's XML and, for a packet folder or zip, its attachments (possibly none); nil
    /// attachments for a single-file packet.
    case xml([UInt8], attachments: [String: [UInt8]]?)
    /// Refused before the XML was read (over the size limit, a refused zip). `kept` holds what a
    /// write stores verbatim (the archive of a refused zip); nil when the input was not kept
    /// (over the size limit).
    case refused([Finding], kept: [UInt8]?)
  }

  package init(name: String, size: Int, sha256: String?, content: Content, generated: Bool = false) {
    self.name = name
    self.size = size
    self.sha256 = sha256
    self.content = content
    self.generated = generated
  }

  /// A packet OneWindow wrote itself (a decision, an issuance): XML, hashed.
  package static func generated(_ bytes: [UInt8], name: String) -> ReceivedPacket {
    ReceivedPacket(
      name: name, size: bytes.count, sha256: PacketIntake.sha256(bytes), content: .xml(bytes, attachments: nil),
      generated: true)
  }

  /// The bytes a write stores verbatim: the XML, or a refused zip as received; nil for input over
  /// the size limit, which is recorded (size and SHA-256) but not kept.
  package var storedBytes: [UInt8]? {
    switch content {
    case .xml(let bytes, _): bytes
    case .refused(_, let kept): kept
    }
  }

  /// The attachments a write stores with the packet.
  package var attachments: [String: [UInt8]] {
    if case .xml(_, let attachments?) = content { return attachments }
    return [:]
  }
}
