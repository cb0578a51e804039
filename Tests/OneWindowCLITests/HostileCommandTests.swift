import Foundation
import OneWindowTestSupport
import Testing

/// `onewindow validate` on hostile input: exit 1 with the finding for a refused packet, exit 2
/// with a message on standard error when it cannot run, bounded memory, within the hang guard.
struct HostileCommandTests {
  private func hostile() throws -> HostileCases {
    switch HostileCases.shared {
    case .success(let cases): return cases
    case .failure(let failure): throw failure
    }
  }

  private func validate(
    _ arguments: [String], stdin: [UInt8]? = nil, measuringMemory: Bool = false
  ) throws -> CommandResult {
    let result = finishes(within: 10) {
      try? CommandRunner.run(["validate", "--lang", "en"] + arguments, stdin: stdin, measuringMemory: measuringMemory)
    }
    return try #require(result ?? nil, "onewindow validate \(arguments) hung or did not start")
  }

  @Test func refusedZipPacketsExitOneWithTheirFinding() throws {
    let cases = try hostile()
    for (name, id) in [
      ("zip-slip.zip", "SEC-005"), ("zip-symlink.zip", "SEC-006"), ("zip-truncated.zip", "SEC-011"),
      ("zip-missing-packet.zip", "SEC-010"),
    ] {
      let result = try validate([cases.path(name)])
      #expect(result.status == 1, "\(name)")
      #expect(result.stdout.hasPrefix(cases.path(name) + ": error: [\(id)] "), "\(name): \(result.stdout)")
      #expect(result.stderr.isEmpty)
    }
  }

  @Test func theZipBombIsRefusedWithBoundedMemory() throws {
    let cases = try hostile()
    let result = try validate([cases.path("zip-bomb.zip")], measuringMemory: true)
    #expect(result.status == 1)
    #expect(result.stdout.contains("[SEC-009] entry 'scan.pdf' inflates more than 200:1 (a possible zip bomb); reading stopped"))
    // Inflated fully it would be 1.1 GB; the whole process stays far below that.
    let peak = try #require(result.maxResidentKiB)
    #expect(peak < 256 << 10, "peak \(peak) KiB")
  }

  @Test func theHundredMebibytePacketIsRefusedWithBoundedMemory() throws {
    let cases = try hostile()
    let result = try validate([cases.path("packet-100mib.xml")], measuringMemory: true)
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix(
      cases.path("packet-100mib.xml") + ": error: [SEC-002] the packet is 104857600 bytes, the limit is 16777216"))
    // Hashed in 1 MiB chunks, never held whole.
    let peak = try #require(result.maxResidentKiB)
    #expect(peak < 96 << 10, "peak \(peak) KiB: the 100 MiB file was held in memory")
  }

  /// The same oversize packet through a write command: SEC-002 on a rejected receipt (exit 1)
  /// that records its size and digest and says the bytes were not kept.
  @Test func aWriteCommandAnswersTheOversizePacketWithARejectedReceipt() throws {
    let cases = try hostile()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-oversize-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try #require(finishes(within: 20) {
      try? CommandRunner.run([
        "prefile", "submit", cases.path("packet-100mib.xml"), "--owner", "91370202MA3C5Y7R9D", "--format", "xml",
        "--db", folder.appendingPathComponent("r.sqlite").path, "--create", "--as-of", "2026-11-20",
      ], measuringMemory: true)
    } ?? nil)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("<RuleId>SEC-002</RuleId>"))
    #expect(result.stdout.contains("<Size>104857600</Size>"))
    #expect(result.stdout.contains("<Stored>false</Stored>"))
    #expect(result.stdout.contains("<Outcome>REJECTED</Outcome>"))
    let peak = try #require(result.maxResidentKiB)
    #expect(peak < 128 << 10, "peak \(peak) KiB")
  }

  @Test func aZipOnStandardInputIsAZipPacket() throws {
    let cases = try hostile()
    let valid = try validate(["-"], stdin: try cases.bytes("zip-valid.zip"))
    #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
    let slip = try validate(["-"], stdin: try cases.bytes("zip-slip.zip"))
    #expect(slip.status == 1)
    #expect(slip.stdout.hasPrefix("<stdin>: error: [SEC-005] entry '../../evil.pdf' has a '..' component"))
  }

  @Test func aPathThatIsNoRegularFileCannotRun() throws {
    // A FIFO named like a zip: opening it must neither block nor be read.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-fifo-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("packet.zip").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let result = try validate([fifo])
    #expect(result.status == 2)
    #expect(result.stderr == "onewindow: error: cannot read '\(fifo)': not a regular file\n")
    let device = try validate(["/dev/zero"])
    #expect(device.status == 2)
    #expect(device.stderr == "onewindow: error: cannot read '/dev/zero': not a regular file\n")
  }

  @Test func theValidSampleZipIsAccepted() throws {
    let result = try validate(["SampleFilings/valid/registration/taixingli-u201.zip"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
  }
}
