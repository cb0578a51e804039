import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-004: A start tag carries at most the limit of attributes.
struct TooManyAttributesTests {
  @Test func refusesTwoHundredThousandAttributes() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "attributes-200000.xml") == ["SEC-004"])
  }

  @Test func acceptsAValidPacket() throws {
    #expect(try SystemRuleHarness.ids(ofSample: "valid/prefiling/taixingli.xml").contains("SEC-004") == false)
  }
}
