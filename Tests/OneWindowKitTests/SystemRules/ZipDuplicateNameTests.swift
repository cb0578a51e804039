import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-007: No two zip entries share a name.
struct ZipDuplicateNameTests {
  @Test func refusesADuplicateName() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-duplicate-name.zip") == ["SEC-007"])
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
