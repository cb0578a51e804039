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

  /// Issue 14, item 9: the district's name is policy data (`districtName`), not a literal.
  @Test func theDistrictNameIsPolicyData() throws {
    #expect(RegistryHarness.oneWindow.policy.districtName == "市南区")
    #expect(RegistryHarness.oneWindow.policy.assumptions["districtName"] != nil)
    let run = try RuleHarness.run(
      DistrictIsShinan.id, sample: "valid/prefiling/taixingli.xml", policy: [("\"districtName\": \"市南区\"", "\"districtName\": \"市南\"")])
    #expect(run.specs == [
      FindingSpec("ID-007", .error, line: run.line(of: "<District>"), path: "/AddressPreFiling/Premises/Address/District")
    ])
    #expect(run.report.findings.first?.message.zh == "区名称“市南区”与代码 370202（市南）不符")
  }
}
