import Foundation
import Synchronization

/// Runs the built `onewindow` binary, as argument-parser's own tests do.
public struct CommandResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  /// The child's peak resident memory in KiB, when asked for (`measuringMemory`).
  public var maxResidentKiB: Int?
}

public enum CommandRunner {
  /// The `onewindow` binary beside the test bundle (same build folder).
  public static var binary: String {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    // On macOS the bundle is .../debug/X.xctest/Contents/MacOS/X.
    while folder.path != "/" && !FileManager.default.fileExists(
      atPath: folder.appendingPathComponent("onewindow").path)
    {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("onewindow").path
  }

  /// A new registry made with `onewindow registry init` in a new temporary folder (the only
  /// way a registry comes to be); its path.
  public static func newRegistry(named name: String = "registry.sqlite") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    let result = try run(["registry", "init", "--db", path])
    guard result.status == 0 else { throw CommandFailure(result: result) }
    return path
  }

  /// Reports the child's peak resident memory on the last line of standard error.
  private static let memoryProbe = """
    import resource, subprocess, sys
    status = subprocess.run(sys.argv[1:]).returncode
    sys.stderr.write("MAXRSS_KIB=%d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    sys.exit(status)
    """

  /// Runs `onewindow arguments…` (or `executable arguments…`) in `directory` (the repository
  /// root by default).
  ///
  /// - Parameter measuringMemory: run it under a small Python wrapper that reports its peak
  ///   resident memory (``CommandResult/maxResidentKiB``).
  public static func run(
    _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:],
    directory: String = Repository.root, measuringMemory: Bool = false, executable: String? = nil
  ) throws -> CommandResult {
    let process = Process()
    if let executable {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
    } else if measuringMemory {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", "-c", memoryProbe, binary] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = arguments
    }
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var fullEnvironment = ProcessInfo.processInfo.environment
    fullEnvironment["ONEWINDOW_SCHEMAS"] = nil
    fullEnvironment["ONEWINDOW_DATA"] = nil
    fullEnvironment["ONEWINDOW_DB"] = nil
    for (key, value) in environment { fullEnvironment[key] = value }
    process.environment = fullEnvironment
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    let inPipe = Pipe()
    process.standardInput = inPipe
    try process.run()
    let writer = Thread {
      if let stdin { inPipe.fileHandleForWriting.write(Data(stdin)) }
      try? inPipe.fileHandleForWriting.close()
    }
    writer.start()
    // Read both pipes concurrently so a chatty child cannot block on a full pipe.
    let errorData = Mutex<Data>(Data())
    let errorDone = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      let data = errPipe.fileHandleForReading.readDataToEndOfFile()
      errorData.withLock { $0 = data }
      errorDone.signal()
    }
    let output = outPipe.fileHandleForReading.readDataToEndOfFile()
    errorDone.wait()
    process.waitUntilExit()
    var stderr = String(decoding: errorData.withLock { $0 }, as: UTF8.self)
    var maxResident: Int?
    if measuringMemory, let range = stderr.range(of: "MAXRSS_KIB=", options: .backwards) {
      maxResident = Int(stderr[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines))
      stderr.removeSubrange(range.lowerBound...)
    }
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
      stderr: stderr, maxResidentKiB: maxResident)
  }
}

/// A command that should have succeeded and did not.
public struct CommandFailure: Error, CustomStringConvertible {
  public var result: CommandResult
  public var description: String { "exit \(result.status): \(result.stderr)" }
}
