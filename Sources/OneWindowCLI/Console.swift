import ArgumentParser
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
    FileHandle.standardError.write(Data(("onewindow: " + L("错误：", "error: ") + text + "\n").utf8))
  }
}

/// A named input that does not exist: not a usage slip but a missing file, so exit 2 (could
/// not run), naming the path.
func missingInput(_ path: String) -> ExitCode {
  Console.error(L("找不到文件或文件夹：'\(path)'。", "No such file or directory: '\(path)'."))
  return ExitCode(2)
}
