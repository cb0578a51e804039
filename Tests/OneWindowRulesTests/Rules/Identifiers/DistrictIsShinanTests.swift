import OneWindowKit
import OneWindowTestSupport
import Testing

struct DistrictIsShinanTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(DistrictIsShinan.id, sample: "valid/prefiling/taixingli.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(DistrictIsShinan.id, sample: "invalid/prefiling/id-007-district-not-shinan.xml")
    #expect(run.specs == [
      FindingSpec("ID-007", .error, line: run.line(of: "<DistrictCode>370203"), path: "/AddressPreFiling/Premises/Address/DistrictCode")
    ])
  }
}
