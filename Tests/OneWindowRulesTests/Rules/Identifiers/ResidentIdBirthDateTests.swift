import OneWindowKit
import OneWindowTestSupport
import Testing

struct ResidentIdBirthDateTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ResidentIdBirthDate.id, sample: "valid/bundle/muzidawei-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ResidentIdBirthDate.id, sample: "invalid/bundle/id-004-resident-id-impossible-birth-date.xml")
    #expect(run.specs == [
      FindingSpec("ID-004", .error, line: run.line(of: "370203199002311422"), path: "/RestaurantOpening/Operator/IdDocument")
    ])
  }
}
