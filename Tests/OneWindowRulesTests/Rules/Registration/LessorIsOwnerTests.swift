import OneWindowKit
import OneWindowTestSupport
import Testing

struct LessorIsOwnerTests {
  let sample = "valid/registration/taixingli-zhanqiao-media.xml"

  @Test func acceptsTheOwnerAsLessor() throws {
    let run = try RuleHarness.run(LessorIsOwner.id, sample: sample, registry: RegistryFixtures.facts(RegistryFixtures.taixingli()))
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAnotherLessor() throws {
    var record = RegistryFixtures.taixingli()
    record.ownerIdentity = "91370202MA3D8K2Q87"
    let run = try RuleHarness.run(LessorIsOwner.id, sample: sample, registry: RegistryFixtures.facts(record))
    #expect(run.specs == [FindingSpec("TR-003", .error, line: run.line(of: "<Lessor>"), path: "/TenantRegistration/EntryAgreement/Lessor")])
  }
}
