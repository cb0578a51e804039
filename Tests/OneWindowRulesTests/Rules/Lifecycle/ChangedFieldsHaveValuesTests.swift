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

extension ChangedFieldsHaveValuesTests {
  /// Issue 14, item 5: the operator's residence (经营者住所, a registered item) can be changed,
  /// and its new value is carried in `Changes/OperatorResidence`.
  @Test func acceptsAChangeOfTheOperatorsResidence() throws {
    let run = try RuleHarness.run(ChangedFieldsHaveValues.id, sample: "valid/bundle/tianshengjixiang-change-residence.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAResidenceListedWithoutItsValue() throws {
    let run = try RuleHarness.run(
      ChangedFieldsHaveValues.id, sample: "valid/bundle/tianshengjixiang-change-residence.xml",
      replacing: [("<OperatorResidence>山东省青岛市市南区八大关街道韶关路18号</OperatorResidence>", "<Employees>4</Employees>")])
    #expect(run.specs == [
      FindingSpec("CH-001", .error, line: run.line(of: "<ChangedFields>"), path: "/RestaurantChange/ChangedFields"),
      FindingSpec("CH-001", .error, line: run.line(of: "<Employees>"), path: "/RestaurantChange/Changes/Employees"),
    ])
    #expect(run.report.findings.first?.message.zh == "变更事项“经营者住所”没有变更后的内容")
  }

  @Test func flagsAResidenceGivenButNotListed() throws {
    let run = try RuleHarness.run(
      ChangedFieldsHaveValues.id, sample: "valid/bundle/tianshengjixiang-change-residence.xml",
      replacing: [("<Field>OPERATOR_RESIDENCE</Field>", "<Field>EMPLOYEES</Field>"), ("</OperatorResidence>", "</OperatorResidence>\n    <Employees>4</Employees>")])
    #expect(run.specs == [
      FindingSpec("CH-001", .error, line: run.line(of: "<OperatorResidence>"), path: "/RestaurantChange/Changes/OperatorResidence")
    ])
  }
}
