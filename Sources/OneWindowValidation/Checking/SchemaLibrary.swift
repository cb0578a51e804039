import Foundation
import OneWindowXML
import Synchronization

/// Loads the schema set of a folder once per process and hands the same compiled set to every
/// caller.
enum SchemaLibrary {
  private static let cache = Mutex<[String: SchemaSet]>([:])

  /// The compiled entry schemas under `folder` (every `*.xsd` except those in `common/`).
  static func schemaSet(folder: String) throws(OneWindowError) -> SchemaSet {
    if let cached = cache.withLock({ $0[folder] }) { return cached }
    let files = SchemaManifest.schemaFiles(under: folder)
    let paths = files.filter { !$0.hasPrefix("common/") }.map { PacketSourceCollector.join(folder, $0) }
    guard !paths.isEmpty else { throw .noSchemas(folder: folder) }
    let set: SchemaSet
    do {
      let relative = paths.map { String($0.dropFirst(PacketSourceCollector.join(folder, "").count)) }
      if let known = SchemaManifest.verifiedEntries(folder: folder, files: files), known.map(\.path) == relative {
        // The shipped schemas, unchanged: each compiles when a packet of its family needs it.
        set = try SchemaSet(
          folder: folder,
          knownEntries: known.map { (PacketSourceCollector.join(folder, $0.path), $0.targetNamespace, $0.roots) })
      } else {
        set = try SchemaSet(folder: folder, entryPaths: paths)
      }
    } catch {
      throw .schemaDidNotCompile(path: error.path, detail: error.summary)
    }
    return cache.withLock { entries in
      if let raced = entries[folder] { return raced }
      entries[folder] = set
      return set
    }
  }

  static func entrySchemaPaths(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".xsd"), !relative.hasPrefix("common/") else { continue }
      paths.append(PacketSourceCollector.join(folder, relative))
    }
    return paths.sorted()
  }
}
