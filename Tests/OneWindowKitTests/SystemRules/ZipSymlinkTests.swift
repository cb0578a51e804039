import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-006: A zip packet holds no symbolic link.
struct ZipSymlinkTests {
  @Test func refusesASymbolicLink() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-symlink.zip") == ["SEC-006"])
  }

  @Test func acceptsASoundZipPacket() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "zip-valid.zip") == [])
  }
}
