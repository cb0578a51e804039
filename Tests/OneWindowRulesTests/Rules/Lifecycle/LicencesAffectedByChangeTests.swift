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
    #expect(LicencesAffectedByChange.effect(of: [.contact]) == .init(businessLicence: true, foodLicence: false, inspection: false))
    #expect(LicencesAffectedByChange.effect(of: [.layout]) == .init(businessLicence: false, foodLicence: true, inspection: true))
  }
}
