import Foundation

/// The hostile-input cases of issue #8, written once per test process by
/// `scripts/hostile-cases.py` into a fresh temporary folder (the same files
/// `Benchmarks/hostile/hostile-timing.sh` times).
///
/// Beside the cases folder lies a canary file that no case may read: the external entity, the
/// XInclude and the zip symbolic link all point at it, and its text must never appear in any
/// output. A loopback listener stands where the external DTD points, to prove that nothing
/// connects.
public final class HostileCases: Sendable {
  /// The folder holding one file per case (`billion-laughs.xml`, `zip-slip.zip`, …).
  public let folder: String
  /// The temporary folder around `folder` and the canary: nothing may appear or change in it.
  public let sandbox: String
  /// The file that must never be read.
  public let canary: String
  /// What the canary holds, to search for in outputs.
  public let canaryText: String
  /// The port the external DTD names.
  public let port: UInt16
  private let listener: LoopbackListenerBox

  /// The cases for this process, made on first use and removed when the process exits (the
  /// 100 MiB case included).
  public static let shared: Result<HostileCases, Python.Failure> = {
    removeStaleSandboxes()
    do {
      let cases = try HostileCases()
      atexit {
        if case .success(let cases) = HostileCases.shared {
          try? FileManager.default.removeItem(atPath: cases.sandbox)
        }
      }
      return .success(cases)
    } catch let failure as Python.Failure {
      return .failure(failure)
    } catch {
      return .failure(Python.Failure(description: String(describing: error)))
    }
  }()

  private init() throws {
    let sandbox = FileManager.default.temporaryDirectory
      .appendingPathComponent("ow-hostile-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: sandbox, withIntermediateDirectories: true)
    let canary = sandbox + "/canary-secret.txt"
    let canaryText = "CANARY-\(UUID().uuidString)-must-never-be-read"
    try Data(canaryText.utf8).write(to: URL(fileURLWithPath: canary))
    guard let listener = LoopbackListener() else {
      throw Python.Failure(description: "no loopback listener")
    }
    let folder = sandbox + "/cases"
    _ = try Python.run(
      script: "scripts/hostile-cases.py",
      arguments: [folder, "--canary", canary, "--port", String(listener.port)])
    self.folder = folder
    self.sandbox = sandbox
    self.canary = canary
    self.canaryText = canaryText
    self.port = listener.port
    self.listener = LoopbackListenerBox(listener)
  }

  /// Sandboxes left by a run that did not exit normally, older than a day.
  private static func removeStaleSandboxes() {
    let temporary = FileManager.default.temporaryDirectory.path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
    for name in names where name.hasPrefix("ow-hostile-") {
      let path = temporary + "/" + name
      let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
      if let modified, modified.timeIntervalSinceNow < -86_400 {
        try? FileManager.default.removeItem(atPath: path)
      }
    }
  }

  /// The path of one case.
  public func path(_ name: String) -> String { folder + "/" + name }

  /// The bytes of one case.
  public func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path(name))))
  }

  /// Whether anything tried to connect to the external DTD's address.
  public var sawConnection: Bool { listener.sawConnection }

  /// Every file in the sandbox with its size and modification time: compare two snapshots to
  /// prove that nothing was written beside the cases (a zip-slip entry of `cases/x.zip` named
  /// `../evil.pdf` would land here).
  public func snapshot() -> [String: String] {
    var entries: [String: String] = [:]
    let fileManager = FileManager.default
    for name in (fileManager.enumerator(atPath: sandbox)?.allObjects as? [String]) ?? [] {
      let path = sandbox + "/" + name
      let attributes = try? fileManager.attributesOfItem(atPath: path)
      let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
      let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      entries[path] = "\(size) \(date)"
    }
    return entries
  }

  /// Paths the zip cases' entries would be written to by a careless extractor, relative to the
  /// cases folder, the working directory and the root: none may exist.
  public var escapeTargets: [String] {
    let parent = (sandbox as NSString).deletingLastPathComponent
    let cwd = FileManager.default.currentDirectoryPath
    return [
      parent + "/evil.pdf", sandbox + "/evil.pdf", (cwd as NSString).appendingPathComponent("../../evil.pdf"),
      "/tmp/onewindow-evil.pdf", folder + "/..\\evil.pdf", folder + "/C:", cwd + "/C:",
    ]
  }
}

/// Keeps the listener for the whole process. `@unchecked`: after set-up the listener is only
/// read through `accept(2)` on a non-blocking socket, which is safe from any thread.
private final class LoopbackListenerBox: @unchecked Sendable {
  private let listener: LoopbackListener
  init(_ listener: LoopbackListener) { self.listener = listener }
  var sawConnection: Bool { listener.sawConnection }
}
