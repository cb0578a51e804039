import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-010: A zip packet has packet.xml at its root.
struct ZipWithoutPacketTests {
  @Test func refusesAZipWithoutPacketXML() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-missing-packet.zip") == ["SEC-010"])
    #expect(try SystemRuleHarness.ids(ofCase: "zip-directories-only.zip") == ["SEC-010"])
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
