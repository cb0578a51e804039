import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-009: A zip packet stays within the entry, size and ratio caps.
struct ZipOverLimitTests {
  @Test func refusesAZipBombAndTooManyEntries() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-bomb.zip") == ["SEC-009"])
    #expect(try SystemRuleHarness.ids(ofCase: "zip-too-many-entries.zip") == ["SEC-009"])
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
