import OneWindowKit
import OneWindowTestSupport
import Testing

struct NoFutureDatesTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(NoFutureDates.id, sample: "valid/registration/taixingli-zhanqiao-media.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(NoFutureDates.id, sample: "invalid/registration/dt-001-signed-in-the-future.xml")
    #expect(run.specs == [
      FindingSpec("DT-001", .error, line: run.line(of: "<SignedOn>2026-12-01"), path: "/TenantRegistration/Signature/SignedOn")
    ])
  }
}
