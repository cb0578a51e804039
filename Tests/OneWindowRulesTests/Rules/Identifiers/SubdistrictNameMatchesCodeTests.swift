import OneWindowKit
import OneWindowTestSupport
import Testing

struct SubdistrictNameMatchesCodeTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(SubdistrictNameMatchesCode.id, sample: "valid/prefiling/taixingli.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(SubdistrictNameMatchesCode.id, sample: "invalid/prefiling/id-008-subdistrict-name-mismatch.xml")
    #expect(run.specs == [
      FindingSpec("ID-008", .error, line: run.line(of: "<Subdistrict>八大峡街道"), path: "/AddressPreFiling/Premises/Address/Subdistrict")
    ])
  }

  /// The table is policy data (issue 14, item 9): a renamed 街道 is an edit of Data/policy.json.
  @Test func readsTheTableFromThePolicy() throws {
    let run = try RuleHarness.run(
      SubdistrictNameMatchesCode.id, sample: "valid/prefiling/taixingli.xml",
      policy: [("\"370202005\": \"中山路街道\"", "\"370202005\": \"中山路新街道\"")])
    #expect(run.specs == [
      FindingSpec("ID-008", .error, line: run.line(of: "<Subdistrict>中山路街道"), path: "/AddressPreFiling/Premises/Address/Subdistrict")
    ])
  }
}
