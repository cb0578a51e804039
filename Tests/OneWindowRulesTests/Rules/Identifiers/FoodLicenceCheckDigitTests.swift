import OneWindowKit
import OneWindowTestSupport
import Testing

struct FoodLicenceCheckDigitTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(FoodLicenceCheckDigit.id, sample: "valid/bundle/tianshengjixiang-change-cold-food.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(FoodLicenceCheckDigit.id, sample: "invalid/bundle/id-006-jy-check-digit.xml")
    #expect(run.specs == [
      FindingSpec("ID-006", .warning, line: run.line(of: "JY23702020003188"), path: "/RestaurantChange/CurrentLicences/FoodLicenceNumber")
    ])
  }

  /// Issue 12, fault 10: the inferred algorithm is policy data with its note, as the README says.
  @Test func theAlgorithmIsNamedInThePolicyWithItsNote() {
    let policy = RegistryHarness.oneWindow.policy
    #expect(policy.foodLicenceCheckDigit == .iso7064Mod11_10)
    #expect(policy.assumptions["foodLicenceCheckDigit"]?.hasPrefix("[INFERENCE]") == true)
  }

  /// Issue 14, item 10: the JY number on an issued food licence is checked (a warning while the
  /// algorithm is inferred).
  @Test func checksTheIssuedFoodLicence() throws {
    let valid = try RuleHarness.run(FoodLicenceCheckDigit.id, sample: "valid/issuance/muzidawei-opening.xml")
    #expect(valid.specs.isEmpty)
    let run = try RuleHarness.run(FoodLicenceCheckDigit.id, sample: "invalid/issuance/id-006-issued-jy-check-digit.xml")
    #expect(run.specs == [
      FindingSpec("ID-006", .warning, line: run.line(of: "JY23702020003276"), path: "/Issuance/FoodLicence/Number")
    ])
  }
}
