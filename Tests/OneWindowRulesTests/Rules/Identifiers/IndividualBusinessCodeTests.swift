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
}
