import Foundation

/// Paths inside this repository, found from this file's location (not from resources).
public enum Repository {
  /// The repository root.
  public static let root: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // OneWindowTestSupport
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()
    .path

  public static var schemas: String { root + "/Schemas" }
  public static var samples: String { root + "/SampleFilings" }
  public static var data: String { root + "/Data" }

  /// An absolute path for a path relative to the root.
  public static func path(_ relative: String) -> String { root + "/" + relative }

  /// The bytes of a file relative to the root.
  public static func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path(relative))))
  }

  /// Files below a folder (relative to the root) whose names end in `suffix`, sorted, as paths
  /// relative to the root.
  public static func files(under folder: String, suffix: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: path(folder)) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix(suffix) { found.append(folder + "/" + relative) }
    }
    return found.sorted()
  }
}
