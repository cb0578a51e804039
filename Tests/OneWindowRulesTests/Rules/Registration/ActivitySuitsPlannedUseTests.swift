import OneWindowKit
import OneWindowTestSupport
import Testing

struct ActivitySuitsPlannedUseTests {
  let sample = "valid/registration/taixingli-zhanqiao-media.xml"

  @Test func acceptsOfficeWorkInAnOfficeUnit() throws {
    let run = try RuleHarness.run(ActivitySuitsPlannedUse.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsCateringInAnOfficeUnit() throws {
    let run = try RuleHarness.run(
      ActivitySuitsPlannedUse.id, sample: sample,
      replacing: [("<IntendedActivity>OFFICE</IntendedActivity>", "<IntendedActivity>CATERING</IntendedActivity>")],
      registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs == [FindingSpec("TR-005", .warning, line: run.line(of: "<IntendedActivity>"), path: "/TenantRegistration/IntendedActivity")])
  }

  /// Shandong 2024 art. 6: the registrar no longer examines use (a warning); EXAMINE makes it an error.
  @Test func isAnErrorWhenTheBureauExaminesUse() throws {
    let run = try RuleHarness.run(
      ActivitySuitsPlannedUse.id, sample: sample,
      replacing: [("<IntendedActivity>OFFICE</IntendedActivity>", "<IntendedActivity>CATERING</IntendedActivity>")],
      registry: RegistryFixtures.facts(RegistryFixtures.taixingli()),
      policy: [("\"premisesExamination\": \"COMMITMENT\"", "\"premisesExamination\": \"EXAMINE\"")])
    #expect(run.specs == [FindingSpec("TR-005", .error, line: run.line(of: "<IntendedActivity>"), path: "/TenantRegistration/IntendedActivity")])
  }

  /// 大气污染防治法 art. 81(2) bans fume-producing catering in a 商住综合楼 only without a dedicated
  /// flue or next to residential floors: the use table no longer excludes catering from 商住 units.
  @Test func allowsCateringInACommercialResidentialUnit() throws {
    var taixingli = RegistryFixtures.taixingli()
    taixingli.units["U-201"]?.plannedUse = .commercialResidential
    let run = try RuleHarness.run(
      ActivitySuitsPlannedUse.id, sample: sample,
      replacing: [("<IntendedActivity>OFFICE</IntendedActivity>", "<IntendedActivity>CATERING</IntendedActivity>")],
      registry: RegistryFixtures.facts(taixingli))
    #expect(run.specs.isEmpty)
  }
}
