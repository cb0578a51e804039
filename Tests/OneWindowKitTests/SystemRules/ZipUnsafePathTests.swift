import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-005: Zip entry names are plain relative paths.
struct ZipUnsafePathTests {
  @Test func refusesPathsThatLeaveThePacket() throws {
    for name in ["zip-slip.zip", "zip-absolute-path.zip", "zip-backslash.zip", "zip-drive-letter.zip"] {
      #expect(try SystemRuleHarness.ids(ofCase: name) == ["SEC-005"], "\(name)")
    }
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
