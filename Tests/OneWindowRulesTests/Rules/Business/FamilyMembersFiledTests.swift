import OneWindowKit
import OneWindowTestSupport
import Testing

struct FamilyMembersFiledTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(FamilyMembersFiled.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(FamilyMembersFiled.id, sample: "invalid/bundle/bl-009-family-business-without-members.xml")
    #expect(run.specs == [
      FindingSpec("BL-009", .error, line: run.line(of: "<CompositionForm>"), path: "/RestaurantOpening/CompositionForm")
    ])
  }
}
