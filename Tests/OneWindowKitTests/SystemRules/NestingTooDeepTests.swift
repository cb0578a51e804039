import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-003: Elements are not nested beyond the depth limit.
struct NestingTooDeepTests {
  @Test func refusesDeepNesting() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "deep-nesting.xml") == ["SEC-003"])
  }

  @Test func acceptsAValidPacket() throws {
    #expect(try SystemRuleHarness.ids(ofSample: "valid/prefiling/taixingli.xml").contains("SEC-003") == false)
  }
}
