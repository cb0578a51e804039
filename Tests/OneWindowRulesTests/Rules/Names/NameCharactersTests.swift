import OneWindowKit
import OneWindowTestSupport
import Testing

struct NameCharactersTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(NameCharacters.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(NameCharacters.id, sample: "invalid/bundle/bl-004-name-latin-letters.xml")
    #expect(run.specs == [
      FindingSpec("BL-004", .error, line: run.line(of: "<FullName>"), path: "/RestaurantOpening/BusinessName/FullName")
    ])
  }
}
