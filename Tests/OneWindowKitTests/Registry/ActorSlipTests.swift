import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Issue 15, item 1: a slip in the actor's id (a name for a staff number, a mistyped identity
/// number) is refused before anything is stored: no receipt, no audit event.
struct ActorSlipTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func aNameForAStaffNumberIsRefusedBeforeAnythingIsStored(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(
      RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    await #expect(throws: OneWindowError.invalidActor(LocalizedText(
      "工作人员编号“王 芳”格式不对：应为本局工号（如 0231），不是姓名或带空格的文字",
      "the staff number '王 芳' is malformed: give the bureau's staff number (such as 0231), not a name"))) {
      try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: .clerk("王 芳"), clock: on("2026-03-04"))
    }
    #expect(try await registry.verifyAudit().events == 1)
    #expect(try await registry.receipt("RCPT-20260304-000001") == nil)
  }

  @Test(arguments: StoreBackend.allCases) func aFullWidthStaffNumberIsFoldedAndAccepted(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(
      RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let approved = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: .clerk("０２３１"), clock: on("2026-03-04"))
    #expect(approved.outcome == .accepted)
    #expect(approved.actorID == "0231")
  }

  @Test(arguments: [
    ("91370202MA3C5Y7R9E", false),  // the owner's USCC with a wrong check character
    ("370202197805122313", false),  // an identity number with a wrong check character
    ("王建国", false),
    ("91370202MA3C5Y7R9D", true),
    ("370202197805122312", true),
    ("H12345678", true),  // a 港澳居民来往内地通行证
    ("12345678", true),  // a 台湾居民来往大陆通行证
  ])
  func ownerAndApplicantIdsNeedTheirCheckCharacters(id: String, valid: Bool) {
    for actor in [Actor.owner(id), .applicant(id)] {
      #expect((actor.idProblem(staffNumberPattern: Policy.defaultStaffNumberPattern) == nil) == valid, "\(actor)")
    }
  }

  @Test func aBureauSetsItsOwnStaffNumberFormat() {
    #expect(Actor.clerk("0231").idProblem(staffNumberPattern: "[0-9]{4}") == nil)
    #expect(Actor.clerk("AB-12").idProblem(staffNumberPattern: "[0-9]{4}") != nil)
    #expect(Actor.clerk("AB-12").idProblem(staffNumberPattern: Policy.defaultStaffNumberPattern) == nil)
  }
}

/// Issue 15, item 1: `--dry-run` checks a write in full and answers with a preview receipt, then
/// rolls everything back: no receipt number, no audit event, no record.
struct DryRunTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func aPreviewChecksEverythingAndWritesNothing(_ backend: StoreBackend) async throws {
    var registry = try RegistryHarness(backend).registry
    registry.preview = true
    let preview = try await registry.submitPreFiling(
      RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    #expect(preview.preview == true)
    #expect(preview.outcome == .accepted)
    #expect(preview.number == "RCPT-00000000-000000")
    #expect(preview.auditSequence == 0)
    #expect(preview.xml.contains("<Preview>true</Preview>"))
    // A refused packet previews its findings just the same.
    let refused = try await registry.submitPreFiling(
      RegistryHarness.source("SampleFilings/invalid/prefiling/pf-004-residential-unit-without-consent.xml"), by: .owner("91370202MA3D8K2Q87"),
      clock: on("2026-03-10"))
    #expect(refused.outcome == .rejected)
    #expect(refused.findings.filter { $0.severity == .error }.map(\.ruleID) == ["PF-004"])
    registry.preview = false
    #expect(try await registry.verifyAudit().events == 0)
    #expect(try await registry.preFilings(asOf: CivilDate("2026-03-10")!).isEmpty)
    // The real write after the preview takes the first number.
    let real = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    #expect(real.number == "RCPT-20260302-000001")
    #expect(real.preview == nil)
  }
}
