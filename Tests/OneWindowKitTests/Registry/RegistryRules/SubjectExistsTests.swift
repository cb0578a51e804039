import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-004: the record a decision names exists.
struct SubjectExistsTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func aKnownSubmissionIsFound(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let (_, approved) = try await Taixingli.approved(in: registry)
    #expect(approved.findings.map(\.ruleID).contains("RG-004") == false)
  }

  @Test(arguments: StoreBackend.allCases) func anUnknownReferenceIsRefusedAndStillAnswered(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let refused = try await registry.reviewPreFiling(
      "YBA-370202-2026-000099", decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-04"))
    #expect(refused.outcome == .rejected)
    #expect(refused.findings.map(\.ruleID.rawValue) == ["RG-004"])
    #expect(refused.findings[0].value == "YBA-370202-2026-000099")
    await #expect(try registry.receipt(refused.number) == refused)
  }
}
