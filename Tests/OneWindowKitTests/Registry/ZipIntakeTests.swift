import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Write commands take zip packets too: the registry stores `packet.xml` and the attachments as
/// a packet folder's, and a refused zip gets a rejected receipt with the archive stored as
/// received, so nothing submitted is lost.
struct ZipIntakeTests {
  @Test(arguments: StoreBackend.allCases) func aZipRegistrationIsAcceptedLikeItsFolder(_ backend: StoreBackend) async throws {
    let zipped = try RegistryHarness(backend)
    try await Taixingli.approved(in: zipped.registry)
    let zip = try await zipped.registry.register(
      RegistryHarness.source("SampleFilings/valid/registration/taixingli-u201.zip"), by: Taixingli.entryClerk,
      clock: RegistryHarness.on("2026-04-08"))
    let folders = try RegistryHarness(backend)
    try await Taixingli.approved(in: folders.registry)
    let folder = try await folders.registry.register(
      RegistryHarness.source("SampleFilings/valid/registration/taixingli-u201-folder"), by: Taixingli.entryClerk,
      clock: RegistryHarness.on("2026-04-08"))
    #expect(zip.outcome == .accepted)
    #expect(zip.packetSHA256 == folder.packetSHA256)
    #expect(zip.findings.map(\.ruleID) == folder.findings.map(\.ruleID))
    let stored = try await #require(try zipped.registry.packet(forReceipt: zip.number))
    #expect(stored.bytes == (try Repository.bytes("SampleFilings/valid/registration/taixingli-u201-folder/packet.xml")))
  }

  @Test(arguments: StoreBackend.allCases) func aRefusedZipGetsARejectedReceiptAndIsStoredAsReceived(_ backend: StoreBackend) async throws {
    let cases = try HostileCases.shared.get()
    let harness = try RegistryHarness(backend)
    try await Taixingli.approved(in: harness.registry)
    let archive = try cases.bytes("zip-slip.zip")
    let receipt = try await harness.registry.register(
      PacketSource(displayName: "slip.zip", kind: .memory(bytes: archive)), by: Taixingli.entryClerk,
      clock: RegistryHarness.on("2026-04-08"))
    #expect(receipt.outcome == .rejected)
    #expect(receipt.findings.map(\.ruleID) == ["SEC-005"])
    #expect(receipt.findings.first?.location.file == "slip.zip")
    let stored = try await #require(try harness.registry.packet(forReceipt: receipt.number))
    #expect(stored.bytes == archive)
    #expect(receipt.packetSHA256 == stored.sha256)
  }
}
