import OneWindowKit
import OneWindowTestSupport
import Testing

struct ChangeAltersRegistrationTests {
  let sample = "valid/bundle/muzidawei-change-name.xml"

  func muzidawei(name: String) -> RegistryFacts {
    RegistryFixtures.facts(licences: [
      LicenceRecord(
        uscc: "92370202MA7J5N8WXF", foodLicenceNumber: "JY23702020003275", active: true, name: name,
        operatorName: "李娜", operatorIdentity: "370203199008231423", foodItems: [.hotFood, .beverage])
    ])
  }

  @Test func acceptsARealChange() throws {
    let run = try RuleHarness.run(ChangeAltersRegistration.id, sample: sample, registry: muzidawei(name: "市南区木滋嗒味餐饮店"))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsANewNameThatIsTheRegisteredOne() throws {
    let run = try RuleHarness.run(ChangeAltersRegistration.id, sample: sample, registry: muzidawei(name: "市南区木滋嗒味小吃店"))
    #expect(run.specs == [FindingSpec("CH-002", .error, line: run.line(of: "<Changes>") + 1, path: "/RestaurantChange/Changes/BusinessName")])
  }
}
