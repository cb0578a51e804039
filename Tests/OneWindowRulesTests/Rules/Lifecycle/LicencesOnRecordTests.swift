import OneWindowKit
import OneWindowTestSupport
import Testing

struct LicencesOnRecordTests {
  let sample = "valid/bundle/tianshengjixiang-cancellation-simplified.xml"

  @Test func acceptsLicencesInForce() throws {
    let run = try RuleHarness.run(
      LicencesOnRecord.id, sample: sample, registry: RegistryFixtures.facts(licences: [RegistryFixtures.tianshengjixiang()]))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsEndedAndUnknownLicences() throws {
    let ended = try RuleHarness.run(
      LicencesOnRecord.id, sample: sample,
      registry: RegistryFixtures.facts(licences: [RegistryFixtures.tianshengjixiang(active: false)]))
    #expect(ended.specs == [FindingSpec("LC-001", .error, line: ended.line(of: "<USCC>"), path: "/RestaurantCancellation/CurrentLicences/USCC")])
    let unknown = try RuleHarness.run(LicencesOnRecord.id, sample: sample, registry: RegistryFacts())
    #expect(unknown.specs == [FindingSpec("LC-001", .error, line: unknown.line(of: "<USCC>"), path: "/RestaurantCancellation/CurrentLicences/USCC")])
  }

  @Test func flagsAFoodLicenceNumberThatIsNotOnRecord() throws {
    var record = RegistryFixtures.tianshengjixiang()
    record.foodLicenceNumber = "JY23702020003275"
    let run = try RuleHarness.run(LicencesOnRecord.id, sample: sample, registry: RegistryFixtures.facts(licences: [record]))
    #expect(run.specs == [FindingSpec("LC-001", .error, line: run.line(of: "<FoodLicenceNumber>"), path: "/RestaurantCancellation/CurrentLicences/FoodLicenceNumber")])
  }
}
