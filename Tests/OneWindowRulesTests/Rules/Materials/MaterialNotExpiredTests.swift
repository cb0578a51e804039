import OneWindowKit
import OneWindowTestSupport
import Testing

struct MaterialNotExpiredTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(MaterialNotExpired.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(MaterialNotExpired.id, sample: "invalid/bundle/doc-006-material-expired.xml")
    #expect(run.specs == [
      FindingSpec("DOC-006", .warning, line: run.line(of: "<ValidUntil>2026-11-01"), path: "/RestaurantOpening/Materials/Material[7]/ValidUntil")
    ])
  }
}
