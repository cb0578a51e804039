import Foundation
import OneWindowTestSupport
import Testing

#if canImport(Glibc)
  import Glibc  // kill(2)
#endif

/// `onewindow serve` as a process: it prints where it listens, answers, and on SIGTERM finishes
/// what it is doing and exits 0.
struct ServeCommandTests {
  @Test(.timeLimit(.minutes(1))) func servesAndStopsCleanlyOnSIGTERM() throws {
    let db = try CommandRunner.newRegistry()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
    process.arguments = ["serve", "--db", db, "--port", "0", "--log-level", "error"]
    process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    // "onewindow: serve：正在监听 http://127.0.0.1:PORT" (Chinese, the default)
    var text = ""
    let deadline = Date().addingTimeInterval(30)
    while !text.contains("正在监听 http://"), Date() < deadline {
      let data = errors.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    let address = try #require(text.split(separator: "\n").first { $0.hasPrefix("onewindow: serve：正在监听 http://") }
      .map { String($0.split(separator: " ").last ?? "") })
    #expect(address.hasPrefix("http://127.0.0.1:"))

    let port = try #require(address.split(separator: ":").last.flatMap { Int($0) })
    let answer = try #require(LoopbackClient.get("/healthz", port: port))
    #expect(answer.hasPrefix("HTTP/1.1 200"))
    #expect(answer.hasSuffix("\r\n\r\nok\n"))

    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
  }
}
