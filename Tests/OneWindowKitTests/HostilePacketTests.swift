import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing
@testable import OneWindowZip

/// The hostile-input list of issue #8, through the public facade: each case gets its exact
/// finding (id and line) or acceptance, within the hang guard, with bounded memory, and nothing
/// outside the packet is read or written. The cases are written by `scripts/hostile-cases.py`
/// (the same files `Benchmarks/hostile/hostile-timing.sh` times).
struct HostilePacketTests {
  /// One case and what it must produce: `ID line` per finding of error severity, or `accepted`.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var expected: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "doctype-internal-entity.xml", expected: ["SEC-001 2"]),
    Case(name: "external-entity-file.xml", expected: ["SEC-001 2"]),
    Case(name: "external-dtd-http.xml", expected: ["SEC-001 2"]),
    Case(name: "billion-laughs.xml", expected: ["SEC-001 2"]),
    Case(name: "quadratic-blowup.xml", expected: ["SEC-001 2"]),
    Case(name: "deep-nesting.xml", expected: ["SEC-003 2"]),
    Case(name: "packet-100mib.xml", expected: ["SEC-002 -"]),
    Case(name: "invalid-utf8.xml", expected: ["XML-9 16"]),
    Case(name: "utf16-without-bom.xml", expected: ["accepted"]),
    Case(name: "declared-gbk.xml", expected: ["accepted"]),
    Case(name: "nul-bytes.xml", expected: ["XML-9 7", "XML-77 7"]),
    Case(name: "attributes-200000.xml", expected: ["SEC-004 2"]),
    Case(name: "xinclude-canary.xml", expected: ["XSD-1871 7"]),
    Case(name: "zip-valid.zip", expected: ["accepted"]),
    Case(name: "zip-gbk-name.zip", expected: ["accepted"]),
    Case(name: "zip-slip.zip", expected: ["SEC-005 -"]),
    Case(name: "zip-absolute-path.zip", expected: ["SEC-005 -"]),
    Case(name: "zip-backslash.zip", expected: ["SEC-005 -"]),
    Case(name: "zip-drive-letter.zip", expected: ["SEC-005 -"]),
    Case(name: "zip-symlink.zip", expected: ["SEC-006 -"]),
    Case(name: "zip-duplicate-name.zip", expected: ["SEC-007 -"]),
    Case(name: "zip-encrypted.zip", expected: ["SEC-008 -"]),
    Case(name: "zip-too-many-entries.zip", expected: ["SEC-009 -"]),
    Case(name: "zip-bomb.zip", expected: ["SEC-009 -"]),
    Case(name: "zip-bomb-declared.zip", expected: ["SEC-009 -"]),
    Case(name: "zip-directories-only.zip", expected: ["SEC-010 -"]),
    Case(name: "zip-missing-packet.zip", expected: ["SEC-010 -"]),
    Case(name: "zip-truncated.zip", expected: ["SEC-011 -"]),
    Case(name: "zip-offset-outside.zip", expected: ["SEC-011 -"]),
    Case(name: "zip-deflate-runs-off.zip", expected: ["SEC-011 -"]),
  ]

  static let options = ValidationOptions(jobs: 1, computeHashes: false, asOf: CivilDate(year: 2026, month: 11, day: 20))

  private func hostile() throws -> HostileCases {
    switch HostileCases.shared {
    case .success(let cases): return cases
    case .failure(let failure): throw failure
    }
  }

  private func report(_ name: String, in cases: HostileCases) throws -> PacketReport {
    let oneWindow = try #require(RuleHarness.oneWindow)
    let source = PacketSourceCollector.source(file: cases.path(name))
    return try #require(
      finishes(within: 10) { oneWindow.validate([source], options: Self.options)[0] }, "\(name) hung")
  }

  private func summary(_ report: PacketReport) -> [String] {
    let errors = report.findings.filter { $0.severity == .error }
    guard !errors.isEmpty else { return [report.outcome.rawValue] }
    return errors.map { "\($0.ruleID) \($0.location.line.map(String.init) ?? "-")" }
  }

  @Test(arguments: cases)
  func hostileCaseGetsItsFinding(_ hostileCase: Case) throws {
    let cases = try hostile()
    let report = try report(hostileCase.name, in: cases)
    #expect(summary(report) == hostileCase.expected, "\(report.findings.map { "\($0.ruleID): \($0.message.en)" })")
    #expect(report.outcome == (hostileCase.expected == ["accepted"] ? .accepted : .rejected))
    // The refusal says what was wrong in both languages, and names no file outside the packet.
    for finding in report.findings where finding.severity == .error {
      #expect(!finding.message.zh.isEmpty && !finding.message.en.isEmpty)
      #expect(finding.hint != nil && finding.legalBasis != nil)
    }
    let rendered = TextReportRenderer().render(ValidationRun(packets: [report])) + JSONReportRenderer().render(ValidationRun(packets: [report]))
    #expect(!rendered.contains(cases.canaryText))
  }

  @Test func zipRefusalsNameTheOffendingEntry() throws {
    let cases = try hostile()
    let expected: [(String, String)] = [
      ("zip-slip.zip", "entry '../../evil.pdf' has a '..' component that leads out of the packet"),
      ("zip-absolute-path.zip", "entry '/tmp/onewindow-evil.pdf' is an absolute path"),
      ("zip-backslash.zip", "entry '..\\evil.pdf' contains a backslash"),
      ("zip-drive-letter.zip", "entry 'C:/evil.pdf' contains a drive letter or colon"),
      ("zip-symlink.zip", "entry 'scan.pdf' is a symbolic link"),
      ("zip-duplicate-name.zip", "entry 'entry-agreement.pdf' occurs more than once"),
      ("zip-encrypted.zip", "entry 'entry-agreement.pdf' is encrypted"),
      ("zip-too-many-entries.zip", "the zip has 602 entries, the limit is 500"),
      ("zip-directories-only.zip", "the zip holds only folders, no file"),
      ("zip-missing-packet.zip", "packet.xml is not at the root but at 'taixingli-u201/packet.xml': zip the folder's contents"),
      ("zip-truncated.zip", "the zip is damaged: no end-of-central-directory record (the file is truncated, or not a zip)"),
      ("zip-offset-outside.zip", "the zip is damaged: entry 'entry-agreement.pdf' points outside the file"),
      ("zip-deflate-runs-off.zip", "the zip is damaged: the compressed data of 'packet.xml' ends too early (truncated)"),
      ("zip-bomb-declared.zip", "entry 'scan.pdf' declares 1100000000 bytes, the limit per file is 33554432"),
    ]
    for (name, message) in expected {
      let report = try report(name, in: cases)
      #expect(report.findings.map(\.message.en) == [message], "\(name)")
    }
  }

  @Test func theZipBombStopsAtTheFirstCapItPasses() throws {
    let cases = try hostile()
    let bomb = try cases.bytes("zip-bomb.zip")
    #expect(bomb.count < 1_100_000)
    let chunk = ZipPacketReader.chunkSize
    // Defaults: the compression ratio stops it early, far below any size cap.
    let defaults = try #require(finishes { ZipPacketReader.read(bomb, limits: ZipLimits(), maxPacketBytes: 16 << 20) })
    #expect(defaults.packet == nil)
    #expect(defaults.refusals.map(\.rule.id) == ["SEC-009"])
    #expect(defaults.refusals.first?.detail.en == "entry 'scan.pdf' inflates more than 200:1 (a possible zip bomb); reading stopped")
    #expect(defaults.inflatedBytes <= 200 * chunk + 1728 + chunk)
    // Without the ratio check, the total cap stops it: never more than the cap plus one chunk.
    let total = ZipLimits(maxTotalBytes: 8 << 20, maxEntryBytes: 1 << 30, maxCompressionRatio: .max)
    let byTotal = try #require(finishes { ZipPacketReader.read(bomb, limits: total, maxPacketBytes: 16 << 20) })
    #expect(byTotal.refusals.map(\.detail.en) == [
      "the zip inflates past its 8388608-byte limit in all ('scan.pdf' declares 4096); reading stopped"
    ])
    #expect(byTotal.inflatedBytes > 8 << 20 && byTotal.inflatedBytes <= (8 << 20) + chunk)
    // And the per-entry cap, the same way.
    let entry = ZipLimits(maxTotalBytes: 1 << 30, maxEntryBytes: 4 << 20, maxCompressionRatio: .max)
    let byEntry = try #require(finishes { ZipPacketReader.read(bomb, limits: entry, maxPacketBytes: 16 << 20) })
    #expect(byEntry.refusals.first?.detail.en.hasPrefix("entry 'scan.pdf' inflates past the 4194304-byte limit per file") == true)
    #expect(byEntry.inflatedBytes > 4 << 20 && byEntry.inflatedBytes <= 1728 + (4 << 20) + chunk)
    // Honest headers are refused before anything is inflated.
    let declared = ZipPacketReader.read(try cases.bytes("zip-bomb-declared.zip"), limits: ZipLimits(), maxPacketBytes: 16 << 20)
    #expect(declared.refusals.map(\.rule.id) == ["SEC-009"])
    #expect(declared.inflatedBytes == 0)
  }

  @Test func theOversizePacketIsRefusedBeforeAnythingIsRead() throws {
    let cases = try hostile()
    let report = try report("packet-100mib.xml", in: cases)
    #expect(report.size == 100 << 20)
    #expect(report.findings.map(\.message.en) == ["the packet is 104857600 bytes, the limit is 16777216; its bytes were not kept"])
    // The same bytes in memory, and the same packet inside a zip, are refused the same way.
    let bytes = try cases.bytes("packet-100mib.xml")
    let oneWindow = try #require(RuleHarness.oneWindow)
    let inMemory = try #require(finishes { oneWindow.validate(bytes: bytes, name: "<stdin>", options: Self.options) })
    #expect(inMemory.findings.map(\.ruleID) == ["SEC-002"])
    // The whole input's digest is recorded, streamed from the file as from memory.
    #expect(report.sha256 == PacketIntake.sha256(bytes))
    #expect(inMemory.sha256 == report.sha256)
  }

  @Test func nothingOutsideThePacketIsReadWrittenOrContacted() throws {
    let cases = try hostile()
    let before = cases.snapshot()
    let oneWindow = try #require(RuleHarness.oneWindow)
    let sources = Self.cases.map { PacketSourceCollector.source(file: cases.path($0.name)) }
    let reports = try #require(finishes(within: 30) { oneWindow.validate(sources, options: Self.options) })
    #expect(reports.count == Self.cases.count)
    let rendered = TextReportRenderer().render(ValidationRun(packets: reports)) + JSONReportRenderer().render(ValidationRun(packets: reports))
    #expect(!rendered.contains(cases.canaryText))
    #expect(cases.snapshot() == before)
    for target in cases.escapeTargets {
      #expect(!FileManager.default.fileExists(atPath: target), "\(target) was written")
    }
    #expect(!cases.sawConnection)
  }

  @Test func zipBytesInMemoryAreAZipPacket() throws {
    let cases = try hostile()
    let oneWindow = try #require(RuleHarness.oneWindow)
    let valid = oneWindow.validate(bytes: try cases.bytes("zip-valid.zip"), name: "<stdin>", options: Self.options)
    #expect(valid.outcome == .accepted)
    #expect(valid.family == "registration")
    // The attachment was there, so its digest was checked (no "not checked" info).
    #expect(!valid.findings.contains { $0.ruleID == "DOC-002" })
    let slip = oneWindow.validate(bytes: try cases.bytes("zip-slip.zip"), name: "<stdin>", options: Self.options)
    #expect(slip.findings.map(\.ruleID) == ["SEC-005"])
  }

  @Test func readsGBKEntryNamesFromChineseArchivers() throws {
    let report = try report("zip-gbk-name.zip", in: try hostile())
    // The extra file is an attachment under its real name, so the manifest check names it.
    #expect(report.findings.filter { $0.severity == .warning }.map { "\($0.ruleID) \($0.value ?? "")" } == ["DOC-004 扫描件.pdf"])
  }

  @Test func aZipPacketIsCheckedLikeTheSameFolder() throws {
    let oneWindow = try #require(RuleHarness.oneWindow)
    let folder = oneWindow.validate(
      [PacketSource(displayName: "p", kind: .folder(path: Repository.path("SampleFilings/valid/registration/taixingli-u201-folder")))],
      options: Self.options)[0]
    let zip = oneWindow.validate(
      [PacketSource(displayName: "p", kind: .zip(path: Repository.path("SampleFilings/valid/registration/taixingli-u201.zip")))],
      options: Self.options)[0]
    // Same findings and outcome; the size is what was received (the archive, the folder's XML).
    #expect(zip.findings == folder.findings)
    #expect(zip.family == folder.family)
    #expect(zip.outcome == .accepted)
    #expect(zip.size == 1155 && folder.size == 1728)
  }

  @Test func theCommittedZipsAreWhatTheScriptMakes() throws {
    // Fast: the script compares the sample zip; the bomb takes seconds to compress, so only its
    // structure is checked here.
    let bomb = try Repository.bytes("Tests/OneWindowKitTests/Fixtures/zip-bomb.zip")
    #expect(bomb.count > 1_000_000 && bomb.count < 1_100_000)
    let sample = try Repository.bytes("SampleFilings/valid/registration/taixingli-u201.zip")
    let read = ZipPacketReader.read(sample, limits: ZipLimits(), maxPacketBytes: 16 << 20)
    let packet = try #require(read.packet)
    #expect(packet.packetXML == (try Repository.bytes("SampleFilings/valid/registration/taixingli-u201-folder/packet.xml")))
    #expect(packet.attachments == [
      "entry-agreement.pdf": try Repository.bytes("SampleFilings/valid/registration/taixingli-u201-folder/entry-agreement.pdf")
    ])
  }
}
