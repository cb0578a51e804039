import OneWindowKit
import OneWindowTestSupport
import Testing

struct ChangedFieldsHaveValuesTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(ChangedFieldsHaveValues.id, sample: "valid/bundle/tianshengjixiang-change-cold-food.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(ChangedFieldsHaveValues.id, sample: "invalid/bundle/ch-001-changed-field-without-value.xml")
    #expect(run.specs == [
      FindingSpec("CH-001", .error, line: run.line(of: "<ChangedFields>"), path: "/RestaurantChange/ChangedFields")
    ])
  }
}
