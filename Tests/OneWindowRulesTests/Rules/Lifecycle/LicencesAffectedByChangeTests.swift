import OneWindowKit
import OneWindowTestSupport
import Testing

struct LicencesAffectedByChangeTests {
  @Test func saysWhichLicencesAChangeReplaces() throws {
    let run = try RuleHarness.run(LicencesAffectedByChange.id, sample: "valid/bundle/tianshengjixiang-change-cold-food.xml")
    #expect(run.specs == [FindingSpec("CH-004", .info, line: run.line(of: "<ChangedFields>"), path: "/RestaurantChange/ChangedFields")])
    #expect(run.report.findings.first?.message.zh == "需换发：食品经营许可证；需现场核查")
    let name = try RuleHarness.run(LicencesAffectedByChange.id, sample: "valid/bundle/muzidawei-change-name.xml")
    #expect(name.report.findings.first?.message.en == "to replace: business licence, food licence")
  }

  @Test func staysSilentOnOtherPackets() throws {
    #expect(try RuleHarness.run(LicencesAffectedByChange.id, sample: "valid/bundle/tianshengjixiang-opening.xml").specs.isEmpty)
  }

  @Test func mapsEveryChangeField() {
    #expect(LicencesAffectedByChange.effect(of: [.premises]) == .init(businessLicence: true, foodLicence: true, inspection: true))
    #expect(LicencesAffectedByChange.effect(of: [.foodItems]) == .init(businessLicence: false, foodLicence: true, inspection: false))
    // The liaison is a filed item, funds and employees no registered items: the business track
    // records them without a new licence (细则 arts 7(7), 23(1)).
    for field in [ChangeField.contact, .fundsAmount, .employees] {
      #expect(LicencesAffectedByChange.effect(of: [field]) == .init(businessLicence: false, foodLicence: false, inspection: false, businessTrack: true))
    }
    #expect(LicencesAffectedByChange.effect(of: [.compositionForm]) == .init(businessLicence: true))
    #expect(LicencesAffectedByChange.effect(of: [.layout]) == .init(businessLicence: false, foodLicence: true, inspection: true))
  }

  @Test func aChangeOfLiaisonReplacesNoLicence() throws {
    let run = try RuleHarness.run(
      LicencesAffectedByChange.id, sample: "valid/bundle/tianshengjixiang-change-cold-food.xml",
      replacing: [
        ("<Field>FOOD_ITEMS</Field>\n    <Field>LAYOUT</Field>\n    <Field>DEDICATED_SPACES</Field>", "<Field>CONTACT</Field>"),
        (String(try TianShengJiXiang.changesBlock()), "<Contact><Name>王建国</Name><Phone>13589238868</Phone></Contact>"),
      ])
    #expect(run.report.findings.first { $0.ruleID == "CH-004" }?.message.zh == "需换发：无；营业执照线办理备案，不换发营业执照")
  }
}
