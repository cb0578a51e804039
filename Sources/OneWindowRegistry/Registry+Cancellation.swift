import Foundation
import OneWindowCore
import OneWindowRules
import OneWindowStore
public import OneWindowValidation

/// 简易注销 of a 个体工商户 (条例 art 33 ¶3; 细则 arts 47–48): no public notice; on acceptance the
/// application is pushed to the tax and other departments, and the registrar cancels directly
/// when none objects within 10 days.
enum SimplifiedCancellation {
  /// 条例 art 33 ¶3: "有关部门在10日内没有提出异议的，可以直接办理注销登记" — calendar days (not
  /// working days), counted from the push.
  static let objectionDays = 10
  static let departments = LocalizedText("税务等有关部门", "the tax and other departments")

  /// The last day a department may object to an application pushed on `pushedOn`.
  static func objectionUntil(pushedOn: CivilDate) -> CivilDate { pushedOn.adding(days: objectionDays) }
}

extension ObjectionPeriod {
  init?(_ row: CancellationPeriodRow) {
    guard let pushedOn = CivilDate(row.pushedOn), let until = CivilDate(row.objectionUntil) else { return nil }
    self.init(pushedOn: pushedOn, objectionUntil: until, objection: nil)
    if let department = row.department, let reason = row.reason, let on = row.objectedOn.flatMap(CivilDate.init) {
      objection = Objection(department: department, reason: reason, recordedOn: on, recordedBy: row.recordedBy ?? "")
    }
  }
}

extension Registry {
  /// A clerk records a department's objection to a simplified cancellation within its period:
  /// the simplified route ends with the objection's reason (the bundle becomes `objected`; the
  /// business may apply for an ordinary cancellation). Refused outside the period, after a
  /// decision ended the bundle, or for any other bundle.
  public func recordObjection(
    _ reference: String, department: String, reason: String, by actor: Actor, clock: RegistryClock
  ) async throws(OneWindowError) -> Receipt {
    try await perform("bundle.objection", actor: actor, clock: clock) { transaction, operation in
      guard var row = try clerksBundle(reference, in: transaction, &operation) else { return }
      guard var period = try transaction.cancellationPeriod(bundleID: row.id), let until = CivilDate(period.objectionUntil) else {
        operation.refuse(
          RegistryRules.stateAllows,
          LocalizedText("办件 \(row.number) 不是简易注销，没有异议期", "bundle \(row.number) is no simplified cancellation and has no objection period"),
          value: row.kind)
        return
      }
      let open: Set<String> = [BundleStatus.underReview.rawValue, BundleStatus.approved.rawValue, BundleStatus.correctionRequested.rawValue]
      if !open.contains(row.status) {
        let status = BundleStatus(rawValue: row.status)?.label ?? LocalizedText(row.status, row.status)
        operation.refuse(
          RegistryRules.stateAllows,
          LocalizedText("办件 \(row.number) 为“\(status.zh)”，不能再记录异议", "bundle \(row.number) is \(status.en); no objection can be recorded"),
          value: row.status)
      } else if clock.today > until {
        operation.refuse(
          RegistryRules.stateAllows,
          LocalizedText("异议期已于 \(until) 届满", "the objection period ended on \(until)"), value: until.description)
      }
      let department = department.trimmingCharacters(in: .whitespacesAndNewlines)
      let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
      if department.isEmpty || reason.isEmpty {
        operation.refuse(
          RegistryRules.stateAllows,
          LocalizedText("异议须写明提出部门和理由", "an objection names the department and its reason"), value: department)
      }
      guard operation.outcome == .accepted else { return }
      period.objectedOn = clock.today.description
      period.department = department
      period.reason = reason
      period.recordedBy = actor.id
      period.receiptNumber = operation.receiptNumber
      try transaction.updateCancellationPeriod(period)
      row.status = BundleStatus.objected.rawValue
      row.dueOn = ""
      row.updatedAt = clock.now
      try transaction.updateBundle(row)
      operation.reasons = [Receipt.Reason(track: nil, text: "\(department)：\(reason)")]
      operation.log("bundle.objection-recorded", row.number, "department=\(department); \(AuditDetails.simplifiedRouteEnded)")
    }
  }
}
