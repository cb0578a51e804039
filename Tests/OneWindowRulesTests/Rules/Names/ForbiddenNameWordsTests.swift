import OneWindowKit
import OneWindowTestSupport
import Testing

struct ForbiddenNameWordsTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ForbiddenNameWords.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ForbiddenNameWords.id, sample: "invalid/bundle/bl-005-name-forbidden-word.xml")
    #expect(run.specs == [
      FindingSpec("BL-005", .error, line: run.line(of: "<FullName>"), path: "/RestaurantOpening/BusinessName/FullName")
    ])
  }
}
