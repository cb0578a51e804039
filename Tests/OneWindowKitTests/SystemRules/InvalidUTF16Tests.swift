import OneWindowKit
import OneWindowTestSupport
import Testing

/// ENC-001: A packet that looks like UTF-16 decodes as UTF-16.
struct InvalidUTF16Tests {
  @Test func refusesBrokenUTF16() {
    // A byte order mark, then an unpaired high surrogate.
    let bytes: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00]
    #expect(SystemRuleHarness.ids(of: bytes) == ["ENC-001"])
  }

  @Test func acceptsUTF16WithoutAByteOrderMark() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "utf16-without-bom.xml") == [])
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
