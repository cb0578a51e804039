import Foundation
import OneWindowTestSupport
import Testing

#if canImport(Glibc)
  import Glibc  // kill(2)
#endif

/// `onewindow serve` as a process: it prints where it listens, answers, and on SIGTERM finishes
/// what it is doing and exits 0.
struct ServeCommandTests {
  /// `onewindow serve ARGUMENTS --port 0` started, and the address it prints once listening
  /// ("onewindow: serve：正在监听 SCHEME://127.0.0.1:PORT", Chinese by default).
  static func serve(_ arguments: [String], scheme: String) throws -> (Process, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
    process.arguments = ["serve"] + arguments + ["--port", "0", "--log-level", "error"]
    process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let prefix = "onewindow: serve：正在监听 \(scheme)://"
    var text = ""
    let deadline = Date().addingTimeInterval(30)
    while !text.contains(prefix), Date() < deadline {
      let data = errors.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    let line = text.split(separator: "\n").first { $0.hasPrefix(prefix) }
    if line == nil { process.terminate() }
    let address = try #require(line.map { String($0.split(separator: " ").last ?? "") }, "serve did not say where it listens: \(text)")
    return (process, address)
  }

  @Test(.timeLimit(.minutes(1))) func servesAndStopsCleanlyOnSIGTERM() throws {
    let db = try CommandRunner.newRegistry()
    let (process, address) = try Self.serve(["--db", db], scheme: "http")
    defer { if process.isRunning { process.terminate() } }
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

  /// `--tls-cert` and `--tls-key`: the service terminates TLS itself, answers HTTPS only, and its
  /// page cookies are `Secure`; a key that is not PEM stops it before it listens (exit 2).
  @Test(.timeLimit(.minutes(1))) func servesHTTPSWithItsOwnCertificate() throws {
    let db = try CommandRunner.newRegistry()
    let folder = (db as NSString).deletingLastPathComponent
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    openssl.arguments = [
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
      "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem",
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    try #require(openssl.terminationStatus == 0, "openssl could not make a test certificate")

    let refused = try CommandRunner.run(
      ["serve", "--db", db, "--port", "0", "--tls-cert", folder + "/cert.pem", "--tls-key", db, "--lang", "en"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("cannot use the TLS certificate or key: cannot read the private key \(db) as PEM"))
    let half = try CommandRunner.run(["serve", "--db", db, "--tls-cert", folder + "/cert.pem", "--lang", "en"])
    #expect(half.status == 64)
    #expect(half.stderr.contains("--tls-cert and --tls-key go together."))

    let (process, address) = try Self.serve(
      ["--db", db, "--tls-cert", folder + "/cert.pem", "--tls-key", folder + "/key.pem"], scheme: "https")
    defer { if process.isRunning { process.terminate() } }
    #expect(address.hasPrefix("https://127.0.0.1:"))

    func curl(_ arguments: [String]) throws -> String {
      let client = Process()
      client.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      client.arguments = ["curl", "-s", "--max-time", "10"] + arguments
      let output = Pipe()
      client.standardOutput = output
      client.standardError = FileHandle.nullDevice
      try client.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      client.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    #expect(try curl(["--cacert", folder + "/cert.pem", address + "/healthz"]) == "ok\n")
    let login = try curl(["--cacert", folder + "/cert.pem", "-D", "-", "-o", "/dev/null", address + "/web/login"])
    let cookies = login.split(separator: "\r\n").filter { $0.lowercased().hasPrefix("set-cookie:") }
    #expect(!cookies.isEmpty)
    #expect(cookies.allSatisfy { $0.contains("; Secure") && $0.contains("HttpOnly") && $0.contains("SameSite=Strict") }, "\(cookies)")
    // Plain HTTP on the TLS port gets no page.
    #expect(try curl(["http://" + address.dropFirst("https://".count) + "/healthz"]) != "ok\n")
  }
}
