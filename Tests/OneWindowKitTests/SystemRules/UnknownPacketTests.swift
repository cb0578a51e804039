import OneWindowKit
import OneWindowTestSupport
import Testing

/// PKT-001: The root element is a known packet family.
struct UnknownPacketTests {
  @Test func refusesAnUnknownRoot() {
    #expect(SystemRuleHarness.ids(of: Array("<?xml version=\"1.0\"?><Invoice xmlns=\"urn:x\"/>".utf8)) == ["PKT-001"])
  }

  @Test func acceptsAValidPacket() throws {
    #expect(try SystemRuleHarness.ids(ofSample: "valid/prefiling/taixingli.xml").contains("PKT-001") == false)
  }
}
