import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Issue 12: the faults that let a registry drift from the truth, each reproduced.
struct RegistryIntegrityTests {
  let on = RegistryHarness.on

  /// A folder holding `packet.xml` (the 太兴里 U-201 registration, whose manifest lists an entry
  /// agreement) and, optionally, the agreement as a symbolic link.
  private func folder(symlinkedAgreement: Bool) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-attach-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let sample = Repository.path("SampleFilings/valid/registration/taixingli-u201-folder")
    try FileManager.default.copyItem(atPath: sample + "/packet.xml", toPath: folder.path + "/packet.xml")
    if symlinkedAgreement {
      try FileManager.default.createSymbolicLink(
        atPath: folder.path + "/entry-agreement.pdf", withDestinationPath: sample + "/entry-agreement.pdf")
    }
    return folder.path
  }

  // MARK: Fault 1: attachments are checked on writes as on validate

  @Test(arguments: [false, true]) func aFolderWithoutItsAttachmentsIsRefusedLikeValidateRefusesIt(symlink: Bool) async throws {
    let registry = try RegistryHarness().registry
    try await Taixingli.approved(in: registry)
    let path = try folder(symlinkedAgreement: symlink)
    let source = PacketSource(displayName: path, kind: .folder(path: path))
    let validated = await RegistryHarness.oneWindow.validate([source], options: ValidationOptions(asOf: CivilDate("2026-04-08")!))[0]
    let receipt = try await registry.register(source, by: Taixingli.entryClerk, clock: on("2026-04-08"))
    let errors = { (findings: [Finding]) in findings.filter { $0.severity == .error }.map { "\($0.ruleID) \($0.location.line ?? 0)" } }
    #expect(errors(validated.findings) == ["DOC-003 46"])
    #expect(receipt.outcome == .rejected)
    #expect(errors(receipt.findings) == ["DOC-003 46"])
    #expect(try await registry.preFiling(Taixingli.number, asOf: CivilDate("2026-04-08")!)?.summary.occupied == 0)
  }

  // MARK: Fault 2: one building, one pre-filing, also in a race

  @Test func twoFilingsOfOneBuildingRacingLeaveExactlyOneAccepted() async throws {
    for _ in 0..<5 {
      let harness = try RegistryHarness(onDisk: true)
      let windows = [harness.registry, try harness.reopened()]
      let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
        for (index, window) in windows.enumerated() {
          let packet = try RegistryHarness.source(Taixingli.preFiling, replacing: [("PF-TXL-2026-0001", "PF-TXL-2026-010\(index)")])
          group.addTask { try await window.submitPreFiling(packet, by: Taixingli.owner, clock: RegistryHarness.on("2026-03-02")) }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(receipts.filter { $0.outcome == .accepted }.count == 1)
      let loser = try #require(receipts.first { $0.outcome == .rejected })
      #expect(Set(loser.findings.filter { $0.severity == .error }.map(\.ruleID)) == ["PF-011"])
    }
  }

  @Test(arguments: StoreBackend.allCases) func anAmendmentOfItsOwnPreFilingIsNotADuplicate(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    let amended = try await registry.amendPreFiling(RegistryHarness.source(Taixingli.addUnitU202), by: Taixingli.owner, clock: on("2026-05-11"))
    #expect(amended.outcome == .accepted, "\(amended.findings.map(\.ruleID))")
  }

  // MARK: Fault 3: one shop, one licence pair, also in a race

  @Test(arguments: StoreBackend.allCases) func theSameOpeningWithANewPacketIdIsRefused(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let applicant = Actor.applicant("370203199008231423")
    let first = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.muzidawei), by: applicant, clock: on("2026-05-13"))
    #expect(first.outcome == .accepted)
    let again = try await registry.submitBundle(
      try RegistryHarness.source(TianShengJiXiang.muzidawei, replacing: [("BD-MZDW-2026-0001", "BD-MZDW-2026-0002")]),
      by: applicant, clock: on("2026-05-13"))
    #expect(again.outcome == .rejected)
    #expect(again.findings.filter { $0.severity == .error }.map(\.ruleID) == ["BL-012"])
    #expect(again.subject == nil)
    #expect(try await registry.bundles().count == 1)
  }

  @Test func twoOpeningsOfOneShopRacingLeaveExactlyOneAccepted() async throws {
    for _ in 0..<5 {
      let harness = try RegistryHarness(onDisk: true)
      let windows = [harness.registry, try harness.reopened()]
      let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
        for (index, window) in windows.enumerated() {
          let packet = try RegistryHarness.source(TianShengJiXiang.muzidawei, replacing: [("BD-MZDW-2026-0001", "BD-MZDW-2026-090\(index)")])
          group.addTask { try await window.submitBundle(packet, by: .applicant("370203199008231423"), clock: RegistryHarness.on("2026-05-13")) }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(receipts.filter { $0.outcome == .accepted }.count == 1)
      #expect(receipts.first { $0.outcome == .rejected }?.findings.filter { $0.severity == .error }.map(\.ruleID) == ["BL-012"])
    }
  }

  // MARK: Fault 4: official time

  @Test(arguments: StoreBackend.allCases) func anOfficialClockRefusesTheFutureAndGoingBackAndMarksBackdating(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let today = CivilDate.today()
    let future = RegistryClock.official(asOf: today.adding(days: 1))
    do {
      _ = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: future)
      Issue.record("a write dated tomorrow was accepted")
    } catch {
      #expect(error == .businessDate(BusinessDateError(kind: .afterToday, date: today.adding(days: 1), bound: today)))
    }
    let backdated = try await registry.submitPreFiling(
      RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: .official(asOf: today.adding(days: -3)))
    #expect(backdated.backdated == true)
    #expect(backdated.businessDate == today.adding(days: -3))
    let recorded = try #require(backdated.recordedAt)
    #expect(recorded.hasSuffix("Z") && recorded.count == 24)
    #expect(backdated.xml.contains("<Backdated>true</Backdated>"))
    do {
      _ = try await registry.reviewPreFiling(
        backdated.number, decision: .approve(), by: Taixingli.reviewClerk, clock: .official(asOf: today.adding(days: -4)))
      Issue.record("a write dated before the last event was accepted")
    } catch {
      #expect(error == .businessDate(BusinessDateError(kind: .beforeLastEvent, date: today.adding(days: -4), bound: today.adding(days: -3))))
    }
    let now = try await registry.reviewPreFiling(backdated.number, decision: .approve(), by: Taixingli.reviewClerk, clock: .current())
    #expect(now.outcome == .accepted)
    #expect(now.backdated == nil)
    #expect(now.businessDate == today)
  }

  // MARK: Fault 8: four eyes whatever the case or width

  @Test(arguments: ["ab-12", "ＡＢ－１２", " AB-12 "]) func aClerkIsOneClerkWhateverTheSpelling(spelling: String) async throws {
    let registry = try RegistryHarness().registry
    let submitted = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: .clerk("AB-12"), clock: on("2026-03-02"))
    #expect(submitted.actorID == "AB-12")
    let review = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: .clerk(spelling), clock: on("2026-03-04"))
    #expect(review.outcome == .rejected)
    #expect(review.findings.map(\.ruleID) == ["RG-002"])
  }

  // MARK: Fault 10: a refused approval takes no number; an applicant's issue is a refused receipt

  @Test(arguments: StoreBackend.allCases) func aRefusedApprovalLeavesNoGapInTheNumbers(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let taixingli = try await registry.submitPreFiling(RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let sanjiangli = try await registry.submitPreFiling(
      RegistryHarness.source(TianShengJiXiang.sanjiangli), by: TianShengJiXiang.sanjiangliOwner, clock: on("2026-03-10"))
    // Five years is more than the policy's three (RD-004): refused, no number taken.
    let tooLong = try await registry.reviewPreFiling(
      taixingli.number, decision: .approve(validUntil: CivilDate("2031-03-03")), by: Taixingli.reviewClerk, clock: on("2026-03-12"))
    #expect(tooLong.outcome == .rejected)
    #expect(tooLong.findings.filter { $0.severity == .error }.map(\.ruleID) == ["RD-004"])
    let first = try await registry.reviewPreFiling(sanjiangli.number, decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-12"))
    #expect(first.subject == "YBA-370202-2026-000001", "\(first.findings.map(\.message.en))")
    let second = try await registry.reviewPreFiling(taixingli.number, decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-12"))
    #expect(second.subject == "YBA-370202-2026-000002")
  }

  @Test(arguments: StoreBackend.allCases) func anApplicantIssuingGetsARefusedReceipt(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let applicant = Actor.applicant("370203199008231423")
    let accepted = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.muzidawei), by: applicant, clock: on("2026-05-13"))
    let number = try #require(accepted.subject)
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-05-14"))
    _ = try await registry.decideTrack(
      number, track: .food,
      decision: .approve(inspection: InspectionRecord(inspectedOn: CivilDate("2026-05-14")!, inspectors: ["0301", "0302"])),
      by: .clerk("0233"), clock: on("2026-05-14"))
    let refused = try await registry.issueBundle(number, by: applicant, clock: on("2026-05-15"))
    #expect(refused.outcome == .rejected)
    #expect(refused.findings.map(\.ruleID) == ["RG-001"])
    #expect(try await registry.bundle(number)?.summary.status == .approved)
  }
}
