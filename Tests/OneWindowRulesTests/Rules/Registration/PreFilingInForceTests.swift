import OneWindowKit
import OneWindowTestSupport
import Testing

struct PreFilingInForceTests {
  let sample = "valid/registration/taixingli-zhanqiao-media.xml"

  @Test func acceptsAnActivePreFiling() throws {
    let run = try RuleHarness.run(PreFilingInForce.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsARevokedPreFiling() throws {
    let run = try RuleHarness.run(
      PreFilingInForce.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli(status: .revoked)))
    #expect(run.specs == [FindingSpec("TR-001", .error, line: run.line(of: "<PreFilingNumber>"), path: "/TenantRegistration/PreFilingNumber")])
    #expect(run.report.findings.first?.message.zh == "住所预备案 YBA-370202-2026-000001 状态为“已撤销”")
  }

  @Test func flagsAnExpiredAndAnUnknownPreFiling() throws {
    let expired = try RuleHarness.run(
      PreFilingInForce.id, sample: sample,
      registry: RegistryFixtures.facts(RegistryFixtures.taixingli(validUntil: CivilDate(year: 2026, month: 10, day: 1)!)))
    #expect(expired.report.findings.map(\.message.en) == ["pre-filing YBA-370202-2026-000001 expired on 2026-10-01"])
    let unknown = try RuleHarness.run(PreFilingInForce.id, sample: sample, registry: RegistryFacts())
    #expect(unknown.specs == [FindingSpec("TR-001", .error, line: unknown.line(of: "<PreFilingNumber>"), path: "/TenantRegistration/PreFilingNumber")])
  }

  @Test func reportsAnInfoWithoutARegistry() throws {
    let run = try RuleHarness.run(PreFilingInForce.id, sample: sample)
    #expect(run.specs == [FindingSpec("TR-001", .info, line: 2, path: "/TenantRegistration")])
    #expect(run.report.findings.first?.message.en.hasPrefix("not evaluated: no registry") == true)
  }

  @Test func checksThePreFiledPremisesOfABundle() throws {
    let run = try RuleHarness.run(
      PreFilingInForce.id, sample: "valid/bundle/tianshengjixiang-opening.xml", registry: RegistryFacts())
    #expect(run.specs == [FindingSpec("TR-001", .error, line: run.line(of: "<PreFilingNumber>"), path: "/RestaurantOpening/Premises/PreFiled/PreFilingNumber")])
  }
}
