import Foundation

/// Finds the folders OneWindow reads at run time: the XSDs and the data files (calendars, policy).
///
/// Order: an explicit folder (`--schemas`, `--data`), then the environment (`ONEWINDOW_SCHEMAS`,
/// `ONEWINDOW_DATA`), then beside the installed binary (`<prefix>/share/onewindow/…`), then the
/// package's own folders (for `swift run` and tests).
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
    if let found = accept(packageRoot + "/" + kind.rawValue) { return found }
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

  /// The package checkout this library was compiled from.
  public static var packageRoot: String {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Resources
      .deletingLastPathComponent()  // OneWindowKit
      .deletingLastPathComponent()  // Sources
      .deletingLastPathComponent()
      .path
  }

  static func absolutePath(_ path: String) -> String {
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path)
      : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
    return url.standardizedFileURL.path
  }
}
