import Foundation

/// Finds the folders OneWindow reads at run time: the XSDs and the data files (calendars, policy).
///
/// Order: an explicit folder (`--schemas`, `--data`), then the environment (`ONEWINDOW_SCHEMAS`,
/// `ONEWINDOW_DATA`), then beside the running binary (`<prefix>/share/onewindow/…`, as
/// `scripts/install.sh` lays it out), then the checkout found by walking up from the working
/// directory to the folder holding `Package.swift` (for `swift run` and tests). No path is
/// compiled into the binary: a copied binary with its `share/` runs anywhere.
public enum ResourceLocator {
  /// A kind of resource folder.
  public enum Kind: String, Sendable {
    case schemas = "Schemas"
    case data = "Data"
    /// The sample corpus, for `onewindow rules ID` examples and replays.
    case samples = "SampleFilings"

    var environmentVariable: String {
      switch self {
      case .schemas: "ONEWINDOW_SCHEMAS"
      case .data: "ONEWINDOW_DATA"
      case .samples: "ONEWINDOW_SAMPLES"
      }
    }
  }

  /// The folder for `kind`, or an error that lists where it looked.
  public static func folder(
    _ kind: Kind, explicit: String? = nil,
    environment: [String: String]? = nil
  ) throws(OneWindowError) -> String {
    let environment = environment ?? ProcessInfo.processInfo.environment
    var tried: [String] = []
    func accept(_ candidate: String) -> String? {
      let absolute = absolutePath(candidate)
      tried.append(absolute)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return nil }
      return absolute
    }
    if let explicit {
      if let found = accept(explicit) { return found }
      throw .resourceMissing(kind: kind.rawValue, tried: tried)
    }
    if let fromEnvironment = environment[kind.environmentVariable], !fromEnvironment.isEmpty {
      if let found = accept(fromEnvironment) { return found }
      throw .resourceMissing(kind: kind.rawValue, tried: tried)
    }
    if let executable = executableURL {
      let share = executable.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/onewindow/\(kind.rawValue)").path
      if let found = accept(share) { return found }
    }
    if let checkout = checkoutRoot(from: FileManager.default.currentDirectoryPath),
      let found = accept(checkout + "/" + kind.rawValue)
    {
      return found
    }
    throw .resourceMissing(kind: kind.rawValue, tried: tried)
  }

  /// The running executable, symbolic links resolved. On Linux read from `/proc/self/exe` (where
  /// `Bundle.main` finds it too, after setting up much more than this needs).
  static var executableURL: URL? {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return URL(fileURLWithPath: path)
      }
    #endif
    return Bundle.main.executableURL?.resolvingSymlinksInPath()
  }

  /// The nearest folder at or above `directory` that holds `Package.swift` (the checkout), if any.
  public static func checkoutRoot(from directory: String) -> String? {
    var url = URL(fileURLWithPath: absolutePath(directory))
    while true {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  static func absolutePath(_ path: String) -> String {
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path)
      : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
    return url.standardizedFileURL.path
  }
}
