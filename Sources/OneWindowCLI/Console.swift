import Foundation

/// Writes to standard output and standard error.
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// A note on standard error that is not an error (a server's address, progress).
  static func note(_ text: String) {
    FileHandle.standardError.write(Data(("onewindow: " + text + "\n").utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data(("onewindow: error: " + text + "\n").utf8))
  }
}
