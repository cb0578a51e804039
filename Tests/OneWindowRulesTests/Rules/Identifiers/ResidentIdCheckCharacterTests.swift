import OneWindowKit
import OneWindowTestSupport
import Testing

struct ResidentIdCheckCharacterTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ResidentIdCheckCharacter.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ResidentIdCheckCharacter.id, sample: "invalid/bundle/id-003-resident-id-check-character.xml")
    #expect(run.specs == [
      FindingSpec("ID-003", .error, line: run.line(of: "370203199008231424"), path: "/RestaurantOpening/Operator/IdDocument")
    ])
  }
}
