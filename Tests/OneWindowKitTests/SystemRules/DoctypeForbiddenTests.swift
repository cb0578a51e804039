import OneWindowKit
import OneWindowTestSupport
import Testing

/// SEC-001: A packet carries no DOCTYPE or other markup declaration.
struct DoctypeForbiddenTests {
  @Test func refusesADoctypeBeforeLibxml2ReadsIt() throws {
    #expect(try SystemRuleHarness.ids(ofCase: "doctype-internal-entity.xml") == ["SEC-001"])
    #expect(try SystemRuleHarness.ids(ofCase: "billion-laughs.xml") == ["SEC-001"])
  }

  @Test func acceptsAValidPacket() throws {
    #expect(try SystemRuleHarness.ids(ofSample: "valid/prefiling/taixingli.xml").contains("SEC-001") == false)
  }
}
