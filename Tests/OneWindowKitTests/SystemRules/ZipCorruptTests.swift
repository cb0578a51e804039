import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-011: A zip packet is a sound archive.
struct ZipCorruptTests {
  @Test func refusesADamagedArchive() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-truncated.zip") == ["SEC-011"])
    #expect(try SystemRuleHarness.ids(ofCase: "zip-offset-outside.zip") == ["SEC-011"])
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
