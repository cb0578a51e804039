import OneWindowKit
import OneWindowTestSupport
import Testing

struct IndividualBusinessCodeTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(IndividualBusinessCode.id, sample: "valid/bundle/tianshengjixiang-change-cold-food.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(IndividualBusinessCode.id, sample: "invalid/bundle/id-009-uscc-not-individual-business.xml")
    #expect(run.specs == [
      FindingSpec("ID-009", .error, line: run.line(of: "<USCC>91370202MA3C5Y7R9D"), path: "/RestaurantChange/CurrentLicences/USCC")
    ])
  }

  /// Issue 12, fault 10: a 个体工商户 tenant registering with a company's `91…` code.
  @Test func flagsAnIndividualBusinessTenantWithACompanyCode() throws {
    let sample = "valid/registration/taixingli-zhanqiao-media.xml"
    let passing = try RuleHarness.run(IndividualBusinessCode.id, sample: sample)
    #expect(passing.specs.isEmpty)
    let run = try RuleHarness.run(
      IndividualBusinessCode.id, sample: sample,
      replacing: [("<EntityType>COMPANY</EntityType>", "<USCC>91370202MA3UC4K704</USCC><EntityType>INDIVIDUAL_BUSINESS</EntityType>")])
    #expect(run.specs == [FindingSpec("ID-009", .error, line: run.line(of: "<USCC>91370202MA3UC4K704"), path: "/TenantRegistration/Tenant/USCC")])
    let right = try RuleHarness.run(
      IndividualBusinessCode.id, sample: sample,
      replacing: [("<EntityType>COMPANY</EntityType>", "<USCC>92370202MA3UC4K70X</USCC><EntityType>INDIVIDUAL_BUSINESS</EntityType>")])
    #expect(right.specs.isEmpty)
  }
}
