import Crypto
import Foundation
import OneWindowRules

/// Reads the attachments that come with a packet folder and digests them.
enum AttachmentReader {
  /// Limits that keep a hostile packet folder from exhausting memory or time.
  static let maximumFiles = 500
  static let maximumFileBytes = 64 << 20

  /// The digests of the regular files beside `packet.xml` (subfolders are not attachments).
  static func folder(_ path: String) throws(OneWindowError) -> Attachments {
    Attachments(digests: try folderContents(path).mapValues(PacketChecker.sha256Hex))
  }

  /// The regular files beside `packet.xml`, read under the caps (symlinks and subfolders skipped).
  static func folderContents(_ path: String) throws(OneWindowError) -> [String: [UInt8]] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    } catch {
      throw .unreadable(path: path, reason: "cannot list the packet folder")
    }
    var contents: [String: [UInt8]] = [:]
    for name in names where name != PacketSourceCollector.packetFileName && !name.hasPrefix(".") {
      guard contents.count < maximumFiles else {
        throw .unreadable(path: path, reason: "more than \(maximumFiles) attachments")
      }
      let file = PacketSourceCollector.join(path, name)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
        (try? FileManager.default.destinationOfSymbolicLink(atPath: file)) == nil
      else { continue }
      switch try FileBytes.load(file, cap: maximumFileBytes) {
      case .bytes(let bytes): contents[name] = bytes
      case .oversize(let size):
        throw .unreadable(path: file, reason: "attachment of \(size) bytes exceeds \(maximumFileBytes)")
      }
    }
    return contents
  }
}
