import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// CA-004: (issue 14, item 1) 简易注销 of a 个体工商户 follows 条例 art 33 ¶3: pushed to the tax and
/// other departments on acceptance, completed only when none objects within 10 calendar days; an
/// objection ends the simplified route. The registry holds no credit database, so approving the
/// business track needs the clerk's recorded check of the exclusions (细则 art 48).
struct ExclusionsCheckedTests {
  let on = RegistryHarness.on
  let applicant = Actor.applicant(TianShengJiXiang.operatorID)
  let checked = ["CA-004 已查询国家企业信用信息公示系统，未列入名录，无吊销、责令关闭、撤销记录"]

  /// 天晟吉祥 opened and issued, then its simplified cancellation accepted on Tuesday 2026-11-10.
  func cancellationAccepted() async throws -> (Registry, Receipt) {
    let registry = try RegistryHarness().registry
    try await TianShengJiXiang.preFiled(in: registry)
    let opening = try await registry.submitBundle(RegistryHarness.source(TianShengJiXiang.opening), by: applicant, clock: on("2026-04-22"))
    let number = try #require(opening.subject)
    let inspection = InspectionRecord(inspectedOn: CivilDate("2026-04-23")!, inspectors: ["0301", "0302"])
    _ = try await registry.decideTrack(number, track: .food, decision: .approve(inspection: inspection), by: .clerk("0233"), clock: on("2026-04-23"))
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-04-23"))
    let issued = try await registry.issueBundle(number, by: .clerk("0231"), clock: on("2026-04-24"))
    let licences = try #require(issued.licences)
    let cancellation = try await registry.submitBundle(
      try TianShengJiXiang.source(
        TianShengJiXiang.cancellation, uscc: try #require(licences.uscc), foodLicence: try #require(licences.foodLicenceNumber)),
      by: applicant, clock: on("2026-11-10"))
    return (registry, cancellation)
  }

  @Test func acceptanceIsThePushAndTheDueDateFollowsTheObjectionPeriod() async throws {
    let (registry, receipt) = try await cancellationAccepted()
    #expect(receipt.outcome == .accepted)
    #expect(receipt.subject == "YJS-370202-2026-000002")
    #expect(receipt.dueOn == CivilDate("2026-11-24"))
    let detail = try #require(try await registry.bundle("YJS-370202-2026-000002"))
    #expect(detail.objectionPeriod?.pushedOn == CivilDate("2026-11-10"))
    #expect(detail.objectionPeriod?.objectionUntil == CivilDate("2026-11-20"))
    #expect(detail.objectionPeriod?.objection == nil)
    let pushed = detail.history.first { $0.action == "bundle.pushed" }
    #expect(pushed?.detail.contains("objection-until=2026-11-20") == true)
  }

  @Test func approvingTheBusinessTrackWithoutTheRecordedCheckIsRefused() async throws {
    let (registry, _) = try await cancellationAccepted()
    let refused = try await registry.decideTrack(
      "YJS-370202-2026-000002", track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-11-11"))
    #expect(refused.outcome == .rejected)
    #expect(refused.findings.map(\.ruleID) == ["CA-004"])
    #expect(refused.findings.map(\.value) == ["YJS-370202-2026-000002"])
    // The food track needs no such check.
    let food = try await registry.decideTrack(
      "YJS-370202-2026-000002", track: .food, decision: .approve(), by: .clerk("0233"), clock: on("2026-11-11"))
    #expect(food.outcome == .accepted)
    let business = try await registry.decideTrack(
      "YJS-370202-2026-000002", track: .business, decision: .approve(reasons: checked), by: .clerk("0231"), clock: on("2026-11-11"))
    #expect(business.outcome == .accepted)
  }

  @Test func theIssuerCompletesOnlyAfterTheTenthDay() async throws {
    let (registry, _) = try await cancellationAccepted()
    let number = "YJS-370202-2026-000002"
    _ = try await registry.decideTrack(number, track: .business, decision: .approve(reasons: checked), by: .clerk("0231"), clock: on("2026-11-11"))
    _ = try await registry.decideTrack(number, track: .food, decision: .approve(), by: .clerk("0233"), clock: on("2026-11-11"))
    let onTheTenthDay = try await registry.issueBundle(number, by: .clerk("0231"), clock: on("2026-11-20"))
    #expect(onTheTenthDay.outcome == .rejected)
    #expect(onTheTenthDay.findings.map(\.ruleID) == ["RG-003"])
    #expect(onTheTenthDay.findings.first?.message.zh.contains("异议期至 2026-11-20 届满") == true)
    let completed = try await registry.issueBundle(number, by: .clerk("0231"), clock: on("2026-11-23"))
    #expect(completed.outcome == .accepted)
    #expect(try await registry.bundle(number)?.certificates?.endedOn == CivilDate("2026-11-23"))
  }

  @Test func anObjectionEndsTheSimplifiedRouteWithItsReason() async throws {
    let (registry, _) = try await cancellationAccepted()
    let number = "YJS-370202-2026-000002"
    let objection = try await registry.recordObjection(
      number, department: "国家税务总局青岛市市南区税务局", reason: "尚有未申报的增值税", by: .clerk("0231"), clock: on("2026-11-16"))
    #expect(objection.outcome == .accepted)
    #expect(objection.reasons.map(\.text) == ["国家税务总局青岛市市南区税务局：尚有未申报的增值税"])
    let detail = try #require(try await registry.bundle(number))
    #expect(detail.summary.status == .objected)
    #expect(detail.summary.dueOn == nil)
    let recorded = try #require(detail.objectionPeriod?.objection)
    #expect(recorded.department == "国家税务总局青岛市市南区税务局")
    #expect(recorded.reason == "尚有未申报的增值税")
    #expect(recorded.recordedOn == CivilDate("2026-11-16"))
    #expect(recorded.recordedBy == "0231")
    // Neither a decision nor issuance can complete it now.
    let decided = try await registry.decideTrack(number, track: .food, decision: .approve(), by: .clerk("0233"), clock: on("2026-11-23"))
    #expect(decided.findings.map(\.ruleID) == ["RG-003"])
    let issued = try await registry.issueBundle(number, by: .clerk("0231"), clock: on("2026-11-23"))
    #expect(issued.findings.map(\.ruleID) == ["RG-003"])
    await #expect(try registry.verifyAudit().isIntact)
  }

  @Test func anObjectionAfterThePeriodOrOnAnotherBundleIsRefused() async throws {
    let (registry, _) = try await cancellationAccepted()
    let late = try await registry.recordObjection(
      "YJS-370202-2026-000002", department: "税务", reason: "逾期", by: .clerk("0231"), clock: on("2026-11-21"))
    #expect(late.outcome == .rejected)
    #expect(late.findings.map(\.ruleID) == ["RG-003"])
    #expect(late.findings.map(\.value) == ["2026-11-20"])
    let opening = try await registry.recordObjection(
      "YJS-370202-2026-000001", department: "税务", reason: "无", by: .clerk("0231"), clock: on("2026-11-16"))
    #expect(opening.findings.map(\.ruleID) == ["RG-003"])
    let byApplicant = try await registry.recordObjection(
      "YJS-370202-2026-000002", department: "税务", reason: "无", by: applicant, clock: on("2026-11-16"))
    #expect(byApplicant.findings.map(\.ruleID) == ["RG-001"])
  }
}
