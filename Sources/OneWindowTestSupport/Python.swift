import Foundation

/// Runs a Python script of this repository and returns its standard output.
public enum Python {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    /// What the script printed on standard output before it failed.
    public var output: String? = nil
  }

  /// Runs `python3 <script> <arguments…>` from the repository root.
  public static func run(script: String, arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Repository.path(script)] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(
        description: "python3 \(script) failed (\(process.terminationStatus)): \(errorText)"
          + (errorText.contains("No module named 'xmlschema'")
            ? " — install it with `pip install xmlschema` (scripts/test.sh does)" : ""),
        output: String(decoding: data, as: UTF8.self))
    }
    return String(decoding: data, as: UTF8.self)
  }
}
