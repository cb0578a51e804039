import OneWindowKit
import OneWindowTestSupport
import Testing

/// PF-011 (issue 12, fault 2): one building, one pre-filing.
struct PreFilingNotDuplicatedTests {
  let sample = "valid/prefiling/taixingli.xml"

  @Test func acceptsABuildingNoOtherPreFilingHolds() throws {
    let run = try RuleHarness.run(PreFilingNotDuplicated.id, sample: sample, registry: RegistryFacts())
    #expect(run.specs.isEmpty)
  }

  @Test func flagsEveryProofAndUnitAnotherLivePreFilingHolds() throws {
    var facts = RegistryFacts()
    facts.proofHolders = ["鲁(2019)青岛市不动产权第0031847号": ["YBA-370202-2026-000001"]]
    facts.unitHolders = ["2/201": ["RCPT-20260302-000001"]]
    let run = try RuleHarness.run(PreFilingNotDuplicated.id, sample: sample, registry: facts)
    #expect(run.specs == [
      FindingSpec("PF-011", .error, line: 55, path: "/AddressPreFiling/Units/Unit[3]/@id"),
      FindingSpec("PF-011", .error, line: 66, path: "/AddressPreFiling/PropertyProofs/Proof[1]/Number"),
    ])
    #expect(run.report.findings.map(\.message.zh).sorted() == [
      "2 层 201 室已由住所预备案 RCPT-20260302-000001 登记",
      "产权证明 鲁(2019)青岛市不动产权第0031847号 已由住所预备案 YBA-370202-2026-000001 登记",
    ])
  }

  @Test func reportsAnInfoWithoutARegistry() throws {
    let run = try RuleHarness.run(PreFilingNotDuplicated.id, sample: sample)
    #expect(run.specs.map(\.severity) == [.info])
  }
}
