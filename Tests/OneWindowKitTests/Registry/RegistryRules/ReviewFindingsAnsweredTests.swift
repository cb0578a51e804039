import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// RG-009: (issue 14, item 11) acceptance is not review. A bundle or pre-filing with only review
/// errors (行政许可法 art 34) is accepted (art 32), the errors wait for the reviewer of their
/// track, and an approval over an open review error needs a reason starting with its rule id.
struct ReviewFindingsAnsweredTests {
  let on = RegistryHarness.on
  let applicant = Actor.applicant(TianShengJiXiang.operatorID)

  /// 天晟吉祥's opening adding 半成品制售 (FL-006: only a central kitchen may), a food-only defect.
  static let semiFinished: [(String, String)] = [
    ("<Item code=\"HOT_FOOD\"/>", "<Item code=\"HOT_FOOD\"/>\n      <Item code=\"SEMI_FINISHED\"/>")
  ]

  func acceptedWithFoodDefect() async throws -> (Registry, Receipt) {
    let registry = try RegistryHarness().registry
    try await TianShengJiXiang.preFiled(in: registry)
    let receipt = try await registry.submitBundle(
      try RegistryHarness.source(TianShengJiXiang.opening, replacing: Self.semiFinished), by: applicant, clock: on("2026-06-01"))
    return (registry, receipt)
  }

  static let inspection = InspectionRecord(inspectedOn: CivilDate("2026-06-02")!, inspectors: ["0301", "0302"])

  @Test func aFoodOnlyDefectIsAcceptedAndWaitsForTheFoodReviewer() async throws {
    let (registry, receipt) = try await acceptedWithFoodDefect()
    #expect(receipt.outcome == .accepted)
    #expect(receipt.subject == "YJS-370202-2026-000001")
    let defect = try #require(receipt.findings.first { $0.ruleID == "FL-006" })
    #expect(defect.severity == .error)
    #expect(defect.stage == .review)
    #expect(defect.location.line == 69)
    #expect(defect.location.path == "/RestaurantOpening/FoodLicence/Items/Item[2]/@code")
    #expect(receipt.xml.contains("<Stage>REVIEW</Stage>"))
    // The food reviewer finds it on the bundle, under the food track.
    let detail = try #require(try await registry.bundle("YJS-370202-2026-000001"))
    #expect(detail.reviewFindings.map { "\($0.track.rawValue) \($0.finding.ruleID)" } == ["FOOD FL-006"])
    let shown = RegistryTextRenderer(language: .zh).render(detail)
    #expect(shown.contains("    审查意见: error [FL-006] 半成品制售仅限中央厨房\n"))
    // The business track is decided without it.
    let business = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-06-02"))
    #expect(business.outcome == .accepted)
    #expect(business.findings.isEmpty)
  }

  @Test func approvingTheFoodTrackWithoutAReasonIsRefused() async throws {
    let (registry, _) = try await acceptedWithFoodDefect()
    let refused = try await registry.decideTrack(
      "YJS-370202-2026-000001", track: .food, decision: .approve(inspection: Self.inspection, reasons: ["BL-005 无关"]),
      by: .clerk("0233"), clock: on("2026-06-02"))
    #expect(refused.outcome == .rejected)
    #expect(refused.findings.map(\.ruleID) == ["RG-009"])
    #expect(refused.findings.map(\.value) == ["FL-006"])
    #expect(refused.findings.first?.message.zh.hasPrefix("审查错误 FL-006（") == true)
    let summary = try #require(try await registry.bundle("YJS-370202-2026-000001")?.summary)
    #expect(summary.status == .underReview)
  }

  @Test func aReasonPerRuleLetsTheApprovalThroughAndIsAudited() async throws {
    let (registry, _) = try await acceptedWithFoodDefect()
    let number = "YJS-370202-2026-000001"
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-06-02"))
    // Issuance waits for both tracks.
    let early = try await registry.issueBundle(number, by: .clerk("0231"), clock: on("2026-06-02"))
    #expect(early.outcome == .rejected)
    let food = try await registry.decideTrack(
      number, track: .food,
      decision: .approve(inspection: Self.inspection, reasons: ["FL-006 现场核查：半成品由本店中央厨房配送，符合条件"]),
      by: .clerk("0233"), clock: on("2026-06-02"))
    #expect(food.outcome == .accepted)
    let approved = try await registry.auditTrail(subject: number).filter { $0.action == "bundle.track-approved" }
    #expect(approved.map { $0.detail.contains("track=FOOD; answered=FL-006") } == [false, true], "\(approved.map(\.detail))")
    let issued = try await registry.issueBundle(number, by: .clerk("0231"), clock: on("2026-06-03"))
    #expect(issued.outcome == .accepted)
    await #expect(try registry.verifyAudit().isIntact)
  }

  @Test func rejectingTheFoodTrackRejectsTheBundleWithItsReason() async throws {
    let (registry, _) = try await acceptedWithFoodDefect()
    let number = "YJS-370202-2026-000001"
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-06-02"))
    let rejected = try await registry.decideTrack(
      number, track: .food, decision: .reject(reasons: ["FL-006 半成品制售仅限中央厨房"]), by: .clerk("0233"), clock: on("2026-06-02"))
    #expect(rejected.outcome == .accepted)
    #expect(rejected.reasons.map(\.text) == ["FL-006 半成品制售仅限中央厨房"])
    #expect(try await registry.bundle(number)?.summary.status == .rejected)
  }

  @Test(arguments: StoreBackend.allCases) func anAcceptanceErrorStillRefusesTheBundle(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await TianShengJiXiang.preFiled(in: registry)
    let receipt = try await registry.submitBundle(
      try RegistryHarness.source(TianShengJiXiang.opening, replacing: Self.semiFinished), by: applicant, clock: on("2026-06-01"))
    #expect(receipt.outcome == .accepted)
    // The same shop again: the registry's own integrity is judged at acceptance (BL-012), so
    // the second opening is refused while its review error (FL-006) waits for nobody.
    let duplicate = try await registry.submitBundle(
      try RegistryHarness.source(TianShengJiXiang.opening, replacing: Self.semiFinished + [("BD-TSJX", "BD-TSJY")]),
      by: applicant, clock: on("2026-06-01"))
    #expect(duplicate.outcome == .rejected)
    #expect(duplicate.findings.filter(\.refusesAcceptance).map(\.ruleID).contains("BL-012"))
  }

  @Test(arguments: StoreBackend.allCases) func aPreFilingWithAReviewErrorIsAcceptedAndItsApprovalNeedsAReason(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let submitted = try await registry.submitPreFiling(
      RegistryHarness.source("SampleFilings/invalid/prefiling/pf-002-unit-use-differs-from-proof.xml"), by: Taixingli.owner,
      clock: on("2026-03-02"))
    #expect(submitted.outcome == .accepted)
    let errors = submitted.findings.filter { $0.severity == .error }
    #expect(errors.map(\.ruleID) == ["PF-002"])
    #expect(errors.map(\.stage) == [.review])
    #expect(errors.first?.location.line == 52)
    // The reviewer finds it on the submission.
    let pending = try #require(try await registry.preFiling(submitted.number, asOf: CivilDate("2026-03-03")!))
    #expect(pending.reviewFindings.map(\.ruleID) == ["PF-002"])
    #expect(RegistryTextRenderer(language: .en).render(pending).contains("for review:\n  error [PF-002] "))
    let refused = try await registry.reviewPreFiling(
      submitted.number, decision: .approve(), by: Taixingli.reviewClerk, clock: on("2026-03-04"))
    #expect(refused.outcome == .rejected)
    #expect(refused.findings.map(\.ruleID) == ["RG-009"])
    #expect(refused.findings.map(\.value) == ["PF-002"])
    let approved = try await registry.reviewPreFiling(
      submitted.number, decision: .approve(reasons: ["PF-002 U-102 按现状办公使用，产权单位已承诺"]), by: Taixingli.reviewClerk,
      clock: on("2026-03-04"))
    #expect(approved.outcome == .accepted)
    #expect(approved.subject == Taixingli.number)
    let trail = try await registry.auditTrail(subject: Taixingli.number).map(\.detail)
    #expect(trail.contains { $0.contains("answered=PF-002") })
  }
}
