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
    let paths = entrySchemaPaths(under: folder)
    guard !paths.isEmpty else { throw .noSchemas(folder: folder) }
    let set: SchemaSet
    do {
      set = try SchemaSet(folder: folder, entryPaths: paths)
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
