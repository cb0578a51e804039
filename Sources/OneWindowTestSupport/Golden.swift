import Foundation

/// Golden files: expected output kept beside the input and compared verbatim.
///
/// Set `ONEWINDOW_UPDATE_GOLDENS=1` to rewrite them on purpose; review the diff before committing.
public enum Golden {
  public static var isUpdating: Bool {
    ProcessInfo.processInfo.environment["ONEWINDOW_UPDATE_GOLDENS"] == "1"
  }

  /// The golden text at `relativePath`, after rewriting it with `actual` when updating.
  /// Returns nil when the file does not exist (and is not being written).
  public static func expected(at relativePath: String, actual: String) throws -> String? {
    let url = URL(fileURLWithPath: Repository.path(relativePath))
    if isUpdating {
      try Data(actual.utf8).write(to: url)
      return actual
    }
    guard let data = try? Data(contentsOf: url) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
