import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-002: A packet stays within the size limit.
struct PacketTooLargeTests {
  @Test func refusesAPacketOverTheLimit() {
    var options = SystemRuleHarness.options
    options.maxBytes = 1000
    let bytes = Array(("<?xml version=\"1.0\"?><A>" + String(repeating: "x", count: 2000) + "</A>").utf8)
    #expect(SystemRuleHarness.ids(of: bytes, options: options) == ["SEC-002"])
  }

  @Test func acceptsAValidPacket() throws {
    #expect(try SystemRuleHarness.ids(ofSample: "valid/prefiling/taixingli.xml").contains("SEC-002") == false)
  }
}
