import Foundation
import OneWindowZip
import OneWindowCore

/// One packet to check, as named by the user: a file, a packet folder (a directory holding
/// `packet.xml` and its attachments), a zip packet, or standard input.
public struct PacketSource: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// A single XML file.
    case file(path: String)
    /// A directory that holds `packet.xml` and its attachments.
    case folder(path: String)
    /// A `.zip` holding `packet.xml` at its root and the attachments, read in memory under the
    /// caps of ``ZipLimits`` (never extracted to disk).
    case zip(path: String)
    /// Bytes already in memory (an API caller, an HTTP body). Bytes that start like a zip
    /// (`PK\u{3}\u{4}`) are read as a zip packet.
    case memory(bytes: [UInt8])
    /// A packet's XML and its attachments already apart (an HTTP multipart upload).
    case parts(packet: [UInt8], attachments: [String: [UInt8]])
    /// Standard input (XML or zip bytes), read once by the intake.
    case standardInput
  }

  /// How reports name the packet: the path as the user gave it, or `<stdin>`.
  public var displayName: String
  public var kind: Kind

  public init(displayName: String, kind: Kind) {
    self.displayName = displayName
    self.kind = kind
  }
}

/// Turns the paths given on a command line into packet sources.
///
/// A file is one packet; a `*.zip` is one packet with its attachments, and so is a directory
/// containing `packet.xml`. Any other directory is walked recursively for `*.xml` and `*.zip`
/// files and packet folders, in a stable (sorted) order.
public enum PacketSourceCollector {
  /// A path that could not be turned into a packet.
  public struct Problem: Sendable, Hashable {
    public var path: String
    public var reason: String
  }

  public static let packetFileName = ZipPacketReader.packetFileName

  /// Packet sources for `paths` (files and directories; standard input is the caller's job).
  public static func collect(_ paths: [String]) -> (sources: [PacketSource], problems: [Problem]) {
    var sources: [PacketSource] = []
    var problems: [Problem] = []
    let fileManager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        problems.append(Problem(path: path, reason: "no such file or directory"))
        continue
      }
      if !isDirectory.boolValue {
        sources.append(source(file: path))
      } else {
        walk(directory: path, into: &sources, problems: &problems)
      }
    }
    return (sources, problems)
  }

  private static func walk(
    directory: String, into sources: inout [PacketSource], problems: inout [Problem]
  ) {
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: join(directory, packetFileName)) {
      sources.append(PacketSource(displayName: directory, kind: .folder(path: directory)))
      return
    }
    let names: [String]
    do {
      names = try fileManager.contentsOfDirectory(atPath: directory).sorted()
    } catch {
      problems.append(Problem(path: directory, reason: "cannot list the directory"))
      return
    }
    for name in names where !name.hasPrefix(".") {
      let path = join(directory, name)
      var isDirectory: ObjCBool = false
      guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        walk(directory: path, into: &sources, problems: &problems)
      } else if name.lowercased().hasSuffix(".xml") || isZipName(name) {
        sources.append(source(file: path))
      }
    }
  }

  /// A file as a packet source: a zip packet when its name ends in `.zip`, else one XML file.
  public static func source(file path: String) -> PacketSource {
    PacketSource(displayName: path, kind: isZipName(path) ? .zip(path: path) : .file(path: path))
  }

  package static func isZipName(_ name: String) -> Bool { name.lowercased().hasSuffix(".zip") }

  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
