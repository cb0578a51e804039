import Foundation
import OneWindowTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
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

    // "onewindow: serve: listening on http://127.0.0.1:PORT"
    var text = ""
    let deadline = Date().addingTimeInterval(30)
    while !text.contains("listening on http://"), Date() < deadline {
      let data = errors.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    let address = try #require(text.split(separator: "\n").first { $0.contains("listening on http://") }
      .map { String($0.split(separator: " ").last ?? "") })
    #expect(address.hasPrefix("http://127.0.0.1:"))

    let port = try #require(address.split(separator: ":").last.flatMap { Int($0) })
    let answer = try #require(Self.get("/healthz", port: port))
    #expect(answer.hasPrefix("HTTP/1.1 200"))
    #expect(answer.hasSuffix("\r\n\r\nok\n"))

    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
  }

  /// A plain HTTP/1.1 GET over a socket (Foundation on Linux has no http: URLs without
  /// FoundationNetworking); the whole answer, read until the server closes.
  static func get(_ path: String, port: Int) -> String? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return nil }
    let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count <= 0 { break }
      answer += buffer[0..<count]
    }
    return String(decoding: answer, as: UTF8.self)
  }
}
