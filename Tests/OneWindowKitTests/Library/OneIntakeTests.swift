import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// One intake: the same hostile or oversize bytes get the same findings from `validate` and from
/// every write operation of the async library API, and a write answers a refused input with a
/// rejected receipt that records the whole input's size and SHA-256.
struct OneIntakeTests {
  typealias Write = @Sendable (Registry, PacketSource) async throws(OneWindowError) -> Receipt

  /// Every write that takes a packet, with an actor it accepts.
  static let writes: [(String, Write)] = {
    let clock = RegistryHarness.on("2026-11-20")
    let clerk = Actor.clerk("0232")
    let owner = Taixingli.owner
    return [
      ("prefile.submit", { registry, source throws(OneWindowError) in try await registry.submitPreFiling(source, by: owner, clock: clock) }),
      ("prefile.amend", { registry, source throws(OneWindowError) in try await registry.amendPreFiling(source, by: owner, clock: clock) }),
      ("prefile.withdraw", { registry, source throws(OneWindowError) in try await registry.withdrawPreFiling(source, by: owner, clock: clock) }),
      ("prefile.review", { registry, source throws(OneWindowError) in try await registry.reviewPreFiling(decisionPacket: source, by: clerk, clock: clock) }),
      ("register", { registry, source throws(OneWindowError) in try await registry.register(source, by: clerk, clock: clock) }),
      ("bundle.submit", { registry, source throws(OneWindowError) in try await registry.submitBundle(source, by: clerk, clock: clock) }),
      ("bundle.decide", { registry, source throws(OneWindowError) in try await registry.decideTrack(decisionPacket: source, by: clerk, clock: clock) }),
    ]
  }()

  /// What a finding is, for comparing: id, severity, line, path.
  static func shape(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.ruleID) \($0.severity.rawValue) \($0.location.line.map(String.init) ?? "-") \($0.location.path ?? "-")" }
  }

  @Test func everyRefusedHostileCaseGetsTheSameFindingsFromValidateAndEveryWrite() async throws {
    let cases = try SystemRuleHarness.hostile()
    let registry = try RegistryHarness().registry
    let names = try FileManager.default.contentsOfDirectory(atPath: cases.folder).sorted()
    var compared = 0
    for name in names where name != "packet-100mib.xml" {
      let bytes = try cases.bytes(name)
      let source = PacketSource(displayName: name, kind: .memory(bytes: bytes))
      let report = await RegistryHarness.oneWindow.validate([source], options: SystemRuleHarness.options)[0]
      guard report.outcome == .rejected else { continue }
      compared += 1
      for (operation, write) in Self.writes {
        let receipt = try await write(registry, source)
        #expect(receipt.outcome == .rejected, "\(name) \(operation)")
        #expect(Self.shape(receipt.findings) == Self.shape(report.findings), "\(name) \(operation)")
        #expect(receipt.packetSize == bytes.count, "\(name) \(operation)")
        #expect(receipt.packetSHA256 != nil, "\(name) \(operation)")
      }
    }
    #expect(compared >= 20)
  }

  @Test func anOversizePacketIsSEC002EverywhereRecordedAndNotKept() async throws {
    let cases = try SystemRuleHarness.hostile()
    let path = cases.path("packet-100mib.xml")
    let bytes = try cases.bytes("packet-100mib.xml")
    let digest = PacketIntake.sha256(bytes)
    let report = await RegistryHarness.oneWindow.validate(
      [PacketSourceCollector.source(file: path)], options: SystemRuleHarness.options)[0]
    #expect(report.findings.map(\.ruleID) == ["SEC-002"])
    #expect(report.sha256 == digest)
    let registry = try RegistryHarness().registry
    for (operation, write) in Self.writes {
      let receipt = try await write(registry, PacketSourceCollector.source(file: path))
      #expect(receipt.outcome == .rejected, "\(operation)")
      #expect(Self.shape(receipt.findings) == Self.shape(report.findings), "\(operation)")
      #expect(receipt.packetSize == 100 << 20, "\(operation)")
      #expect(receipt.packetSHA256 == digest, "\(operation)")
      #expect(receipt.packetStored == false, "\(operation)")
      #expect(try await registry.packet(forReceipt: receipt.number) == nil, "\(operation)")
      #expect(receipt.xml.contains("<Size>104857600</Size>") && receipt.xml.contains("<Stored>false</Stored>"))
    }
  }
}
