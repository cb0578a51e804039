import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-008: No zip entry is encrypted.
struct ZipEncryptedTests {
  @Test func refusesAnEncryptedEntry() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-encrypted.zip") == ["SEC-008"])
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
