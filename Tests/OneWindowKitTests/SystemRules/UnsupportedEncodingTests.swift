import OneWindowKit
import OneWindowTestSupport
import Testing

/// ENC-002: A packet is in an encoding OneWindow reads.
struct UnsupportedEncodingTests {
  @Test func refusesUTF32() {
    let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00] + Array("<A/>".unicodeScalars.flatMap { [UInt8($0.value), 0, 0, 0] })
    #expect(SystemRuleHarness.ids(of: bytes) == ["ENC-002"])
  }

  @Test func acceptsAValidPacket() throws {
    #expect(try SystemRuleHarness.ids(ofSample: "valid/prefiling/taixingli.xml").contains("ENC-002") == false)
  }
}
