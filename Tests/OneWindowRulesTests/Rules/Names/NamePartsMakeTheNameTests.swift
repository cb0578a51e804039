import OneWindowKit
import OneWindowTestSupport
import Testing

struct NamePartsMakeTheNameTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(NamePartsMakeTheName.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(NamePartsMakeTheName.id, sample: "invalid/bundle/bl-001-name-parts-mismatch.xml")
    #expect(run.specs == [
      FindingSpec("BL-001", .error, line: run.line(of: "<FullName>"), path: "/RestaurantOpening/BusinessName/FullName")
    ])
  }
}
