import Foundation
import OneWindowKit
import OneWindowTestSupport
import Synchronization
import Testing

/// A child `onewindow prefile submit` loops over many packets and is killed with SIGKILL at a
/// random receipt. Afterwards the registry passes `PRAGMA integrity_check`, every receipt the
/// child printed has its packet stored byte for byte, and the audit chain verifies.
struct CrashSafetyTests {
  @Test(.timeLimit(.minutes(2))) func aKilledSubmitterLeavesAConsistentRegistry() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-crash-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let db = try CommandRunner.newRegistry()
    let template = String(decoding: try Repository.bytes(Taixingli.preFiling), as: UTF8.self)
    var printed: [String: String] = [:]  // receipt number → packet SHA-256 it printed
    var submitted: [String: [UInt8]] = [:]  // PacketId → bytes submitted

    for round in 0..<3 {
      var paths: [String] = []
      for index in 0..<300 {
        // A building of its own each (one building, one pre-filing): its own proofs and address.
        let digits = String(round) + String(1000 + index).dropFirst() + "9"
        let text = template.replacingOccurrences(of: "PF-TXL-2026-0001", with: "CRASH-\(round)-\(index)")
          .replacingOccurrences(of: "不动产权第00318", with: "不动产权第\(digits)")
          .replacingOccurrences(of: "<HouseNumber>10号</HouseNumber>", with: "<HouseNumber>\(round * 1000 + index + 100)号</HouseNumber>")
        let path = folder.appendingPathComponent("packet-\(round)-\(index).xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        submitted["CRASH-\(round)-\(index)"] = Array(text.utf8)
        paths.append(path)
      }
      let killAfter = Int.random(in: 3...60)
      let output = try runAndKill(
        ["prefile", "submit"] + paths + ["--owner", "91370202MA3C5Y7R9D", "--db", db, "--as-of", "2026-03-02"],
        afterReceipts: killAfter)
      #expect(output.killed, "round \(round): the child finished before it was killed")
      var number: String?
      for line in output.stdout.split(separator: "\n") {
        if line.hasPrefix("回执 RCPT-") { number = String(line.split(separator: " ")[1]) }
        if line.hasPrefix("  数据包 SHA-256: "), let current = number {
          printed[current] = String(line.dropFirst("  数据包 SHA-256: ".count))
        }
      }
      #expect(printed.count >= killAfter)
    }

    let registry = try Registry(oneWindow: RegistryHarness.oneWindow, path: db)
    await #expect(try registry.integrityCheck() == "ok")
    for (number, sha) in printed {
      let stored = try await #require(try registry.packet(forReceipt: number), "\(number) was printed but is not stored")
      #expect(stored.sha256 == sha)
      let text = String(decoding: stored.bytes, as: UTF8.self)
      let packetID = text.components(separatedBy: "<PacketId>").dropFirst().first?.components(separatedBy: "<").first ?? ""
      #expect(stored.bytes == submitted[packetID], "\(number) stored other bytes than \(packetID)")
      await #expect(try registry.receipt(number)?.outcome == .accepted)
    }
    let audit = try await registry.verifyAudit()
    #expect(audit.isIntact, "\(audit.problems)")
    #expect(audit.events >= printed.count)
  }

  /// Runs `onewindow` and sends SIGKILL once `count` receipts have been printed.
  private func runAndKill(_ arguments: [String], afterReceipts count: Int) throws -> (stdout: String, killed: Bool) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    var data = Data()
    var seen = 0
    while seen < count {
      let chunk = pipe.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      data.append(chunk)
      seen = String(decoding: data, as: UTF8.self).components(separatedBy: "回执 RCPT-").count - 1
    }
    let wasRunning = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    data.append(pipe.fileHandleForReading.readDataToEndOfFile())
    process.waitUntilExit()
    let killed = wasRunning && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    return (String(decoding: data, as: UTF8.self), killed)
  }
}
