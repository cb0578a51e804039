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

  @Test func mapsEveryChangeField() throws {
    let policy = RegistryHarness.oneWindow.policy
    func effect(_ fields: [ChangeField]) -> LicencesAffectedByChange.Effect { LicencesAffectedByChange.effect(of: fields, policy: policy) }
    #expect(effect([.premises]) == .init(businessLicence: true, foodLicence: true, inspection: true))
    #expect(effect([.foodItems]) == .init(businessLicence: false, foodLicence: true, inspection: false))
    // The liaison is a filed item, funds and employees no registered items: the business track
    // records them without a new licence (细则 arts 7(7), 23(1)).
    for field in [ChangeField.contact, .fundsAmount, .employees] {
      #expect(effect([field]) == .init(businessLicence: false, foodLicence: false, inspection: false, businessTrack: true))
    }
    // The operator's residence: registered (细则 6(7)) but not printed on the business licence
    // (细则 23(1)); stated on the food licence (2023 measures arts 26, 29).
    #expect(effect([.operatorResidence]) == .init(businessLicence: false, foodLicence: true, inspection: false, businessTrack: true))
    #expect(effect([.compositionForm]) == .init(businessLicence: true))
    #expect(effect([.layout]) == .init(businessLicence: false, foodLicence: true, inspection: true))
    #expect(effect([.contact, .foodItems]) == .init(businessLicence: false, foodLicence: true, businessTrack: true))
  }

  /// Issue 14, item 9: the change-to-licence table is policy data, every item listed, with its note.
  @Test func theTableIsPolicyDataWithItsNote() {
    let policy = RegistryHarness.oneWindow.policy
    #expect(Set(policy.changeEffects.keys) == Set(ChangeField.allCases.map(\.rawValue)))
    #expect(policy.assumptions["changeEffects"]?.contains("[INFERENCE]") == true)
    #expect(policy.assumptions["changeEffects"]?.contains("促进条例 art. 13(1)") == true)
  }

  /// An item the table does not list goes to both tracks and re-issues both licences.
  @Test func anUnlistedItemGoesToBothTracks() throws {
    let oneWindow = try RuleHarness.oneWindow(editingPolicy: [("    \"EMPLOYEES\": { \"businessTrack\": true }\n", ""), ("\"FUNDS_AMOUNT\": { \"businessTrack\": true },", "\"FUNDS_AMOUNT\": { \"businessTrack\": true }")])
    #expect(oneWindow.policy.changeEffect(of: [.employees]) == .init(businessLicence: true, foodLicence: true))
  }

  /// 经营者住所: the business track registers it without a new business licence; the food
  /// licence, which states a 住所, is replaced.
  @Test func aChangeOfResidenceReplacesTheFoodLicenceOnly() throws {
    let run = try RuleHarness.run(LicencesAffectedByChange.id, sample: "valid/bundle/tianshengjixiang-change-residence.xml")
    #expect(run.specs == [FindingSpec("CH-004", .info, line: run.line(of: "<ChangedFields>"), path: "/RestaurantChange/ChangedFields")])
    #expect(run.report.findings.first?.message.zh == "需换发：食品经营许可证；营业执照线办理变更登记，不换发营业执照")
    #expect(run.report.findings.first?.message.en == "to replace: food licence; the business track registers the change without a new business licence")
  }

  /// A bureau whose food licence prints the premises as its 住所 edits the table: the residence
  /// then replaces no licence.
  @Test func anEditedPolicyChangesTheOutcome() throws {
    let run = try RuleHarness.run(
      LicencesAffectedByChange.id, sample: "valid/bundle/tianshengjixiang-change-residence.xml",
      policy: [("\"OPERATOR_RESIDENCE\": { \"businessTrack\": true, \"foodLicence\": true }", "\"OPERATOR_RESIDENCE\": { \"businessTrack\": true }")])
    #expect(run.report.findings.first?.message.zh == "需换发：无；营业执照线办理变更登记，不换发营业执照")
    let coldFood = try RuleHarness.run(
      LicencesAffectedByChange.id, sample: "valid/bundle/tianshengjixiang-change-cold-food.xml",
      policy: [("\"LAYOUT\": { \"foodLicence\": true, \"inspection\": true }", "\"LAYOUT\": { \"foodLicence\": true }"),
               ("\"DEDICATED_SPACES\": { \"foodLicence\": true, \"inspection\": true }", "\"DEDICATED_SPACES\": { \"businessLicence\": true, \"foodLicence\": true }")])
    #expect(coldFood.report.findings.first?.message.zh == "需换发：营业执照、食品经营许可证")
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
