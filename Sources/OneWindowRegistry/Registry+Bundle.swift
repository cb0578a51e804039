import Foundation
public import OneWindowCore
import OneWindowRules
import OneWindowStore
public import OneWindowValidation

extension Registry {
  // MARK: - Submit

  /// An applicant (or a clerk at the window) submits a restaurant bundle: an opening, a change or
  /// a cancellation. When accepted (受理) it is numbered `YJS-370202-YYYY-NNNNNN`, its tracks are
  /// opened, a pre-filed unit's place is taken, and the receipt gives the due date: acceptance
  /// plus the policy's working days. A packet naming (in `Resubmits`) a bundle awaiting
  /// correction is its corrected version: the clock starts again.
  public func submitBundle(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) -> Receipt {
    let received = try await receive(source)
    return try await perform("bundle.submit", actor: actor, clock: clock) { transaction, operation in
      operation.reviewFollows = true
      let parsed = try check(received, kinds: PacketKind.bundles, in: transaction, operation: &operation)
      Self.requireRole([.applicant, .clerk], &operation)
      if case .tradeBundle(let trade)? = parsed?.packet {
        try submitTrade(trade, received, in: transaction, operation: &operation)
        return
      }
      guard let packet = parsed?.packet, let application = BundleApplication(packet, policy: oneWindow.policy) else {
        try store(received, in: transaction, operation: &operation)
        return
      }
      if case .applicant = actor, !application.applicantIDs.map(Actor.normalized).contains(actor.id) {
        let id = actor.id
        operation.refuse(
          RegistryRules.actorMayAct,
          LocalizedText("申请人 \(id) 不是经营者或其代办人", "the applicant \(id) is neither the operator nor the agent"), value: id)
      }
      let corrected = try bundleAwaitingCorrection(named: operation.resubmits, in: transaction)
      if let uscc = application.uscc, corrected == nil {
        for open in try transaction.openBundles(uscc: uscc) {
          operation.refuse(
            RegistryRules.stateAllows,
            LocalizedText("\(uscc) 另有办理中的办件 \(open.number)", "\(uscc) has another bundle in progress, \(open.number)"),
            value: open.number)
        }
      }
      if let corrected, try transaction.bundleDefinition(bundleID: corrected.id) != nil {
        operation.refuse(
          RegistryRules.stateAllows,
          LocalizedText(
            "补正的办件 \(corrected.number) 不是开办餐饮店“一件事”，须以其自己的申请补正",
            "bundle \(corrected.number) is not a restaurant bundle; it is corrected with its own definition's packet"),
          value: corrected.number)
      } else if let corrected, corrected.kind != application.kind.rawValue {
        operation.refuse(
          RegistryRules.stateAllows,
          LocalizedText("补正的办件 \(corrected.number) 不是\(application.kind.label.zh)", "bundle \(corrected.number) is not a \(application.kind.label.en.lowercased())"),
          value: corrected.number)
      }
      // A simplified cancellation waits for the departments' objection period before its count.
      let countFrom =
        application.simplifiedCancellation ? SimplifiedCancellation.objectionUntil(pushedOn: operation.clock.today) : operation.clock.today
      let due = dueDate(for: application.kind, from: countFrom)
      refuseIfProvisional(due, &operation)
      try store(received, in: transaction, operation: &operation)
      guard operation.outcome == .accepted, let packetID = operation.packetID else { return }
      if let corrected {
        try resubmit(corrected, application, packetID: packetID, due: due, in: transaction, operation: &operation)
      } else {
        try accept(application, packetID: packetID, due: due, in: transaction, operation: &operation)
      }
    }
  }

  /// The due date: never guessed, never blocking. When it needs a holiday schedule not yet
  /// published (or late December, which next year's notice may still change), it is counted
  /// Monday to Friday and marked provisional, and completed once the schedule is added.
  func dueDate(for kind: BundleKind, from start: CivilDate) -> DueDate {
    dueDate(workingDays: oneWindow.policy.dueWorkingDays(for: kind), from: start)
  }

  func dueDate(workingDays: Int, from start: CivilDate) -> DueDate {
    let counted = oneWindow.calendar.provisionallyAdding(workingDays: workingDays, to: start)
    return DueDate(date: counted.date, provisional: counted.provisional)
  }

  /// A provisional due date is recorded, never refused: the finding is the calendar rule's
  /// (`RG-008`, a warning) so the receipt says so.
  func refuseIfProvisional(_ due: DueDate, _ operation: inout Operation) {
    guard due.provisional else { return }
    operation.refuse(
      RegistryRules.calendarPublished,
      LocalizedText(
        "承诺办结日 \(due.date) 为暂定：所需年份的节假日安排尚未公布（或为 12 月 \(WorkingCalendar.lateDecemberFrom) 日以后），公布后补全",
        "the due date \(due.date) is provisional: a holiday schedule it needs is not published yet (or it is on or after \(WorkingCalendar.lateDecemberFrom) December)"),
      value: due.date.description)
  }

  /// The next bundle number, `YJS-<division>-<year>-NNNNNN`, for every definition.
  func nextBundleNumber(in transaction: RegistryTransaction, on today: CivilDate) throws -> String {
    let counter = "YJS-\(oneWindow.policy.divisionCode)-\(today.year)"
    return "\(counter)-\(Self.pad(try transaction.nextValue(counter)))"
  }

  /// A new bundle: numbered, tracks opened, a pre-filed place taken.
  private func accept(
    _ application: BundleApplication, packetID: Int64, due: DueDate, in transaction: RegistryTransaction,
    operation: inout Operation
  ) throws {
    let clock = operation.clock
    let number = try nextBundleNumber(in: transaction, on: clock.today)
    let use = application.preFiledUse
    var bundle = BundleRow(
        number: number, kind: application.kind.rawValue, status: BundleStatus.underReview.rawValue,
        operatorName: application.operatorName, operatorIdentity: application.operatorIdentity,
        businessName: application.businessName, uscc: application.uscc, foodLicence: application.foodLicenceNumber,
        preFilingNumber: use?.preFilingNumber, unitID: use?.unitRef,
        changedFields: application.changedFields.map(\.rawValue).joined(separator: ","),
        inspectionNeeded: application.inspectionRequired, acceptedOn: clock.today.description,
        // A simplified cancellation's working days count once the objection period is over.
        clockStart: (application.simplifiedCancellation ? SimplifiedCancellation.objectionUntil(pushedOn: clock.today) : clock.today)
          .description, dueOn: due.date.description, packetID: packetID,
        receiptNumber: operation.receiptNumber, submittedByRole: operation.actor.role.rawValue,
        submittedByID: operation.actor.id, updatedAt: clock.now, issuanceBasis: try application.basisJSON())
    bundle.premisesKey = application.premisesKey
    bundle.tradeName = application.tradeName
    bundle.industry = application.industry
    bundle.dueProvisional = due.provisional
    let bundleID = try transaction.insertBundle(bundle)
    try transaction.insertBundlePacket(
      bundleID: bundleID, version: 1, packetID: packetID, receipt: operation.receiptNumber, kind: "submitted", at: clock.now)
    for track in application.tracks.sorted(by: { $0.rawValue < $1.rawValue }) {
      try transaction.insertTrack(bundleID: bundleID, TrackRow(track: track.rawValue, status: TrackStatus.pending.rawValue))
    }
    if let use, let preFiling = try transaction.preFiling(reference: use.preFilingNumber) {
      _ = try transaction.insertTenancy(
        TenancyRow(
          preFilingID: preFiling.id, unitID: use.unitRef, tenantName: application.businessName,
          tenantIdentity: application.uscc, activity: use.activity.rawValue,
          termStart: use.agreement.termStart?.description ?? clock.today.description,
          termEnd: use.agreement.termEnd?.description ?? clock.today.description, registeredOn: clock.today.description,
          receiptNumber: operation.receiptNumber, bundleNumber: number))
    }
    operation.subject = number
    (operation.dueOn, operation.dueProvisional) = (due.date, due.provisional)
    operation.log(
      "bundle.accepted", number,
      "kind=\(application.kind.rawValue); tracks=\(application.tracks.map(\.rawValue).sorted().joined(separator: ",")); due=\(due.date)\(due.provisional ? " (provisional)" : "")")
    if application.simplifiedCancellation {
      let until = SimplifiedCancellation.objectionUntil(pushedOn: clock.today)
      try transaction.insertCancellationPeriod(
        CancellationPeriodRow(bundleID: bundleID, pushedOn: clock.today.description, objectionUntil: until.description))
      operation.log("bundle.pushed", number, "departments=\(SimplifiedCancellation.departments.en); objection-until=\(until)")
    }
  }

  /// A corrected resubmission: a new version, the tracks that asked for corrections reopened,
  /// and a new count of working days.
  private func resubmit(
    _ existing: BundleRow, _ application: BundleApplication, packetID: Int64, due: DueDate,
    in transaction: RegistryTransaction, operation: inout Operation
  ) throws {
    try reopen(existing, packetID: packetID, due: due, basis: try application.basisJSON(), in: transaction, operation: &operation) { row in
      row.operatorName = application.operatorName
      row.operatorIdentity = application.operatorIdentity
      row.businessName = application.businessName
      row.premisesKey = application.premisesKey ?? row.premisesKey
      row.tradeName = application.tradeName ?? row.tradeName
      row.industry = application.industry ?? row.industry
    }
  }

  /// A bundle's corrected version, whatever its definition: `update` sets what the new packet
  /// says; the tracks that asked for corrections are reopened and the count starts again.
  func reopen(
    _ existing: BundleRow, packetID: Int64, due: DueDate, basis: String, in transaction: RegistryTransaction,
    operation: inout Operation, update: (inout BundleRow) -> Void
  ) throws {
    var row = existing
    let clock = operation.clock
    row.version += 1
    row.packetID = packetID
    row.status = BundleStatus.underReview.rawValue
    update(&row)
    row.clockStart = clock.today.description
    row.dueOn = due.date.description
    row.dueProvisional = due.provisional
    row.updatedAt = clock.now
    row.issuanceBasis = basis
    try transaction.updateBundle(row)
    try transaction.insertBundlePacket(
      bundleID: row.id, version: row.version, packetID: packetID, receipt: operation.receiptNumber, kind: "resubmitted",
      at: clock.now)
    for var track in try transaction.tracks(bundleID: row.id) where track.status == TrackStatus.correctionRequested.rawValue {
      track.status = TrackStatus.pending.rawValue
      track.reasons = ""
      try transaction.updateTrack(bundleID: row.id, track)
    }
    operation.subject = row.number
    (operation.dueOn, operation.dueProvisional) = (due.date, due.provisional)
    operation.log("bundle.resubmitted", row.number, "version=\(row.version); due=\(due.date)\(due.provisional ? " (provisional)" : "")")
  }

  /// The bundle a clerk's operation names (refused with `RG-001` for another role), or nil after
  /// refusing with `RG-004` when there is none; the operation's subject is its number.
  func clerksBundle(_ reference: String, in transaction: RegistryTransaction, _ operation: inout Operation) throws -> BundleRow? {
    operation.subject = reference
    Self.requireRole([.clerk], &operation)
    guard let row = try transaction.bundle(reference: reference) else {
      operation.refuse(RegistryRules.subjectExists, LocalizedText("没有办件 \(reference)", "no bundle \(reference)"), value: reference)
      return nil
    }
    operation.subject = row.number
    return row
  }

  /// The bundle a `Resubmits` receipt points at, when it awaits correction.
  func bundleAwaitingCorrection(named receipt: String?, in transaction: RegistryTransaction) throws -> BundleRow? {
    guard let receipt, let subject = try transaction.receipt(receipt)?.subject,
      let row = try transaction.bundle(reference: subject), row.status == BundleStatus.correctionRequested.rawValue
    else { return nil }
    return row
  }

  // MARK: - Decide

  /// A clerk decides one track. Tracks are independent and may be decided in any order. Once
  /// every track is decided, the bundle is approved, or rejected as a whole with both tracks'
  /// reasons when one rejected; a correction request stops the clock until the resubmission.
  public func decideTrack(
    _ reference: String, track: Track, decision: TrackDecision, by actor: Actor, clock: RegistryClock
  ) async throws(OneWindowError) -> Receipt {
    try await perform("bundle.decide", actor: actor, clock: clock) { transaction, operation in
      try decide(reference, track: track, decision, supplied: nil, in: transaction, operation: &operation)
    }
  }

  /// A track decision given as a `ReviewDecision` packet naming `BundleNumber` and `Track`; its
  /// staff number must be the acting clerk's.
  public func decideTrack(decisionPacket source: PacketSource, by actor: Actor, clock: RegistryClock) async throws(OneWindowError)
    -> Receipt
  {
    let received = try await receive(source)
    return try await perform("bundle.decide", actor: actor, clock: clock) { transaction, operation in
      guard let packet = try signedDecision(received, in: transaction, operation: &operation) else { return }
      guard case .bundleTrack(let number, let track) = packet.subject, packet.decision != .revoke else {
        operation.refuse(
          RegistryRules.packetKindFits,
          LocalizedText("该决定不是对“一件事”审批线的准予、不予或补正", "the decision is not an approval, rejection or correction request on a bundle track"),
          value: packet.decision.rawValue)
        try store(received, in: transaction, operation: &operation)
        return
      }
      let reasons = packet.reasonTexts
      let decision: TrackDecision
      switch packet.decision {
      case .approve:
        decision = .approve(
          inspection: packet.inspection.map { inspection in
            InspectionRecord(
              inspectedOn: inspection.inspectedOn ?? clock.today, inspectors: inspection.inspectors.map(\.staffNumber),
              result: inspection.result)
          }, reasons: reasons)
      case .reject: decision = .reject(reasons: reasons)
      default: decision = .requestCorrection(reasons: reasons)
      }
      try decide(number, track: track, decision, supplied: received, in: transaction, operation: &operation)
    }
  }

  private func decide(
    _ reference: String, track: Track, _ decision: TrackDecision, supplied: ReceivedPacket?, in transaction: RegistryTransaction,
    operation: inout Operation
  ) throws {
    let actor = operation.actor
    let clock = operation.clock
    operation.subject = reference
    Self.requireRole([.clerk], &operation)
    guard var row = try transaction.bundle(reference: reference) else {
      operation.refuse(RegistryRules.subjectExists, LocalizedText("没有办件 \(reference)", "no bundle \(reference)"), value: reference)
      if let supplied { try store(supplied, in: transaction, operation: &operation) }
      return
    }
    operation.subject = row.number
    let tracks = try transaction.tracks(bundleID: row.id)
    guard var trackRow = tracks.first(where: { $0.track == track.rawValue }) else {
      operation.refuse(
        RegistryRules.subjectExists,
        LocalizedText("办件 \(row.number) 没有\(track.label.zh)审批线", "bundle \(row.number) has no \(track.label.en) track"),
        value: track.rawValue)
      if let supplied { try store(supplied, in: transaction, operation: &operation) }
      return
    }
    if row.status != BundleStatus.underReview.rawValue || trackRow.status != TrackStatus.pending.rawValue {
      let bundleState = BundleStatus(rawValue: row.status)?.label ?? LocalizedText(row.status, row.status)
      let trackState = TrackStatus(rawValue: trackRow.status)?.label ?? LocalizedText(trackRow.status, trackRow.status)
      operation.refuse(
        RegistryRules.stateAllows,
        LocalizedText(
          "办件 \(row.number) 为“\(bundleState.zh)”，\(track.label.zh)审批线为“\(trackState.zh)”",
          "bundle \(row.number) is \(bundleState.en) and its \(track.label.en) track is \(trackState.en)"),
        value: trackRow.status)
    }
    if case .requestCorrection = decision, tracks.contains(where: { $0.status == TrackStatus.rejected.rawValue }) {
      operation.refuse(
        RegistryRules.stateAllows,
        LocalizedText(
          "办件 \(row.number) 已有审批线不予许可，本线只能准予或不予，以便一并告知理由",
          "bundle \(row.number) has a rejected track; this track can only approve or reject, so both reasons go out together"),
        value: TrackStatus.rejected.rawValue)
    }
    if row.submittedByRole == ActorRole.clerk.rawValue, Actor.normalized(row.submittedByID) == actor.id {
      operation.refuse(
        RegistryRules.fourEyes,
        LocalizedText("工作人员 \(actor.id) 录入了该办件，不能自行审批", "clerk \(actor.id) entered this bundle and may not decide it"),
        value: actor.id)
    }
    if case .approve = decision, track == .business, try transaction.cancellationPeriod(bundleID: row.id) != nil,
      !decision.reasons.contains(where: { RuleID.cited(by: $0) == RegistryRules.exclusionsChecked.id })
    {
      operation.refuse(
        RegistryRules.exclusionsChecked,
        LocalizedText(
          "简易注销 \(row.number) 准予前未记录对经营异常名录、严重违法失信名单及吊销、责令关闭、撤销情况的核查",
          "simplified cancellation \(row.number): no recorded check of the abnormal-operation and serious-dishonesty lists and of revocation, closure or cancellation"),
        value: row.number)
    }
    try requireTradeInspection(row, track: track, decision: decision, in: transaction, &operation)
    if case .approve = decision {
      let latest = try transaction.bundlePackets(bundleID: row.id).last?.receipt
      let definition = try transaction.bundleDefinition(bundleID: row.id).flatMap { oneWindow.bundleDefinitions.definition($0.definition) }
      try requireAnswered(
        openReviewErrors(
          receipt: latest, track: track, definition: definition, tracks: tracks.compactMap { Track(rawValue: $0.track) }, in: transaction),
        by: decision.reasons, &operation)
    }
    let received =
      supplied
      ?? DecisionPacket.build(
        subject: .bundleTrack(row.number, track), kind: decision.kind, clerk: clock, staff: actor.id,
        reasons: decision.reasons, validity: nil,
        inspection: {
          if case .approve(let inspection?, _) = decision { return (inspection.inspectedOn, inspection.inspectors, inspection.result) }
          return nil
        }())
    if supplied == nil { _ = try check(received, kinds: [.reviewDecision], in: transaction, operation: &operation) }
    try store(received, in: transaction, operation: &operation)
    guard operation.outcome == .accepted else { return }

    trackRow.decidedBy = actor.id
    trackRow.decidedOn = clock.today.description
    trackRow.decisionPacketID = operation.packetID
    trackRow.reasons = decision.reasons.joined(separator: "\n")
    switch decision {
    case .approve(let inspection, _):
      trackRow.status = TrackStatus.approved.rawValue
      trackRow.inspectedOn = inspection?.inspectedOn.description
      trackRow.inspectors = inspection?.inspectors.joined(separator: ",") ?? ""
      trackRow.inspectionResult = inspection?.result.rawValue
      operation.log("bundle.track-approved", row.number, "track=\(track.rawValue)" + operation.answeredDetail)
    case .reject(let reasons):
      trackRow.status = TrackStatus.rejected.rawValue
      operation.reasons = reasons.map { Receipt.Reason(track: track, text: $0) }
      operation.log("bundle.track-rejected", row.number, "track=\(track.rawValue); reasons=\(reasons.count)")
    case .requestCorrection(let reasons):
      trackRow.status = TrackStatus.correctionRequested.rawValue
      row.status = BundleStatus.correctionRequested.rawValue
      row.dueOn = ""
      operation.reasons = reasons.map { Receipt.Reason(track: track, text: $0) }
      operation.log("bundle.correction-requested", row.number, "track=\(track.rawValue); \(AuditDetails.clockStopped)")
    }
    try transaction.updateTrack(bundleID: row.id, trackRow)
    let all = try transaction.tracks(bundleID: row.id)
    if row.status == BundleStatus.underReview.rawValue, !all.contains(where: { $0.status == TrackStatus.pending.rawValue }) {
      if all.allSatisfy({ $0.status == TrackStatus.approved.rawValue }) {
        row.status = BundleStatus.approved.rawValue
        operation.log("bundle.approved", row.number, "tracks=\(all.map(\.track).joined(separator: ","))")
      } else {
        // Every track decided and one rejected: the bundle is rejected with both tracks' reasons.
        row.status = BundleStatus.rejected.rawValue
        operation.reasons = all.flatMap { other in
          other.reasons.split(separator: "\n").map { Receipt.Reason(track: Track(rawValue: other.track), text: String($0)) }
        }
        try transaction.endTenancies(bundleNumber: row.number, on: clock.today.description)
        operation.log("bundle.rejected", row.number, "reasons=\(operation.reasons.count)")
      }
    }
    row.updatedAt = clock.now
    try transaction.updateBundle(row)
  }
}

/// What a bundle packet says, whatever its kind.
/// A due date and whether it is provisional.
struct DueDate {
  var date: CivilDate
  var provisional: Bool
}

struct BundleApplication {
  var kind: BundleKind
  var operatorName: String
  var operatorIdentity: String
  var businessName: String
  var uscc: String?
  var foodLicenceNumber: String?
  var preFiledUse: Packet.PreFiledUse?
  var changedFields: [ChangeField] = []
  /// A 简易注销: pushed to the tax and other departments on acceptance.
  var simplifiedCancellation = false
  var tracks: Set<Track>
  var inspectionRequired: Bool
  /// Who may submit it as an applicant: the operator, the agent, the business itself.
  var applicantIDs: Set<String>
  /// What issuance will need, recorded with the bundle.
  var basis: IssuanceBasis
  /// An opening's premises, 字号 and 行业, for the one-shop checks.
  var premisesKey: String?
  var tradeName: String?
  var industry: String?

  /// The bundle `packet` asks for; a change's tracks and inspection follow `policy`'s
  /// `changeEffects`.
  init?(_ packet: Packet, policy: Policy) {
    guard let basis = IssuanceBasis(packet) else { return nil }
    self.basis = basis
    preFiledUse = packet.preFiledUse
    switch packet {
    case .opening(let opening):
      kind = .opening
      operatorName = opening.core.operatorInfo.name
      operatorIdentity = opening.core.operatorInfo.document.number
      businessName = opening.core.name.fullName
      tracks = [.business, .food]
      inspectionRequired = true
      applicantIDs = Set([operatorIdentity] + [opening.agent?.document.number].compactMap { $0 })
      premisesKey = opening.core.premises.key
      tradeName = opening.core.name.tradeName
      industry = opening.core.name.industry
    case .change(let change):
      kind = .change
      operatorName = change.operatorPerson.name
      operatorIdentity = change.operatorPerson.document.number
      businessName = change.changes.name?.fullName ?? change.registeredName
      uscc = change.current.uscc
      foodLicenceNumber = change.current.foodLicenceNumber
      changedFields = change.changedFields
      let effect = policy.changeEffect(of: change.changedFields)
      tracks = Set([effect.businessTrack ? Track.business : nil, effect.foodLicence ? Track.food : nil].compactMap { $0 })
      inspectionRequired = effect.inspection
      applicantIDs = [operatorIdentity, change.current.uscc]
    case .cancellation(let cancellation):
      kind = .cancellation
      operatorName = cancellation.operatorPerson.name
      operatorIdentity = cancellation.operatorPerson.document.number
      businessName = cancellation.registeredName
      uscc = cancellation.current.uscc
      foodLicenceNumber = cancellation.current.foodLicenceNumber
      tracks = [.business, .food]
      inspectionRequired = false
      simplifiedCancellation = cancellation.simplified
      applicantIDs = [operatorIdentity, cancellation.current.uscc]
    default:
      return nil
    }
  }
}

extension BundleApplication {
  /// The issuance basis as stored with the bundle.
  func basisJSON() throws -> String { String(decoding: try JSONEncoder().encode(basis), as: UTF8.self) }
}
