import Foundation
public import OneWindowCore
import OneWindowRules
import OneWindowStore
public import OneWindowValidation

/// A clerk's decision on a submitted pre-filing.
public enum PreFilingDecision: Sendable, Hashable {
  /// Approve; the validity defaults to the reference date and the policy's years. An open review
  /// error needs a reason starting with its rule id (`PF-003 …`), else `RG-009` refuses.
  case approve(validFrom: CivilDate? = nil, validUntil: CivilDate? = nil, reasons: [String] = [])
  /// Reject; a reason starting with a rule id (`PF-003 …`) cites that rule.
  case reject(reasons: [String])
  case requestCorrection(reasons: [String])

  var clerkDecision: Registry.ClerkDecision {
    switch self {
    case .approve(let from, let until, let reasons): .approve(validFrom: from, validUntil: until, reasons: reasons)
    case .reject(let reasons): .reject(reasons)
    case .requestCorrection(let reasons): .requestCorrection(reasons)
    }
  }
}

extension Registry {
  // MARK: - Submit

  /// An owner (or a clerk at the window, for the owner) submits a pre-filing. A rejected packet
  /// is stored too, and its receipt lists the findings.
  public func submitPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws(OneWindowError)
    -> Receipt
  {
    let received = try await receive(source)
    return try await perform("prefile.submit", actor: actor, clock: clock) { transaction, operation in
      operation.reviewFollows = true
      let parsed = try check(received, kinds: [.preFiling], in: transaction, operation: &operation)
      if case .preFiling(let filing)? = parsed?.packet {
        Self.requireRole([.owner, .clerk], &operation)
        if case .owner = actor, actor.id != Actor.normalized(filing.owner.identity.number) {
          let id = actor.id
          operation.refuse(
            RegistryRules.actorMayAct,
            LocalizedText("提交人 \(id) 不是数据包中的产权单位 \(filing.owner.identity.number)", "the submitter \(id) is not the packet's owner \(filing.owner.identity.number)"),
            value: id)
        }
      }
      try store(received, in: transaction, operation: &operation)
      operation.subject = operation.receiptNumber
      guard operation.outcome == .accepted, case .preFiling(let filing)? = parsed?.packet, let packetID = operation.packetID
      else {
        operation.log("prefiling.submit-rejected", operation.receiptNumber, "findings=\(operation.findings.count)")
        return
      }
      let materialKinds = Dictionary(filing.materials.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
      let buildingWide: Set<MaterialKind> = [.declaration, .entityLicence, .sitePlan, .consolidationNote]
      let id = try transaction.insertPreFiling(
        PreFilingRow(
          status: PreFilingStatus.submitted.rawValue, ownerName: filing.owner.name,
          ownerIdentity: filing.owner.identity.number, premisesName: filing.premises.name,
          address: filing.premises.address.singleLine, multiLicenceMode: filing.premises.multiLicenceMode?.rawValue,
          buildingMaterials: materialKinds.values.filter { buildingWide.contains($0) }.count,
          submittedReceipt: operation.receiptNumber, submittedByRole: actor.role.rawValue, submittedByID: actor.id,
          updatedAt: clock.now))
      try transaction.insertVersion(
        preFilingID: id, version: 1, packetID: packetID, receipt: operation.receiptNumber, kind: "submitted", at: clock.now)
      try Self.addUnits(filing.units, proofs: filing.proofs, consents: filing.consents, version: 1, preFilingID: id, in: transaction)
      for proof in filing.proofs { try transaction.insertProof(preFilingID: id, Self.row(proof, version: 1)) }
      operation.log(
        "prefiling.submitted", operation.receiptNumber,
        "premises=\(filing.premises.name); units=\(filing.units.count); proofs=\(filing.proofs.count)")
    }
  }

  // MARK: - Review and revoke

  /// A clerk approves (numbering the pre-filing), rejects, or asks for corrections. The decision
  /// is stored as a review-decision packet built from these arguments.
  public func reviewPreFiling(
    _ reference: String, decision: PreFilingDecision, by actor: Actor, clock: RegistryClock
  ) async throws(OneWindowError) -> Receipt {
    try await perform("prefile.review", actor: actor, clock: clock) { transaction, operation in
      try decide(reference, decision.clerkDecision, supplied: nil, in: transaction, operation: &operation)
    }
  }

  /// A clerk's decision given as a `ReviewDecision` packet (approve, reject, request correction
  /// or revoke), naming the submission receipt or the pre-filing number. The packet's staff
  /// number must be the acting clerk's.
  public func reviewPreFiling(decisionPacket source: PacketSource, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) -> Receipt
  {
    let received = try await receive(source)
    return try await perform("prefile.review", actor: actor, clock: clock) { transaction, operation in
      guard let packet = try signedDecision(received, in: transaction, operation: &operation) else { return }
      let reasons = packet.reasonTexts
      let reference: String
      switch packet.subject {
      case .preFiling(let number): reference = number
      case .submission(let receipt): reference = receipt
      case .bundleTrack(let number, _):
        operation.refuse(
          RegistryRules.packetKindFits,
          LocalizedText("该决定针对“一件事”办件 \(number)，不是预备案", "the decision is about bundle \(number), not a pre-filing"),
          value: number)
        try store(received, in: transaction, operation: &operation)
        return
      }
      let decision: ClerkDecision
      switch packet.decision {
      case .approve: decision = .approve(validFrom: packet.validFrom, validUntil: packet.validUntil, reasons: reasons)
      case .reject: decision = .reject(reasons)
      case .requestCorrection: decision = .requestCorrection(reasons)
      case .revoke: decision = .revoke(reasons.joined(separator: "；"))
      }
      try decide(reference, decision, supplied: received, in: transaction, operation: &operation)
    }
  }

  /// A clerk revokes an active pre-filing, giving a reason. Later registrations are refused;
  /// tenancies already registered stay on record.
  public func revokePreFiling(_ reference: String, reason: String, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) -> Receipt
  {
    try await perform("prefile.revoke", actor: actor, clock: clock) { transaction, operation in
      try decide(reference, .revoke(reason), supplied: nil, in: transaction, operation: &operation)
    }
  }

  /// Every clerk decision on a pre-filing.
  enum ClerkDecision {
    case approve(validFrom: CivilDate?, validUntil: CivilDate?, reasons: [String])
    case reject([String])
    case requestCorrection([String])
    case revoke(String)

    var kind: DecisionKind {
      switch self {
      case .approve: .approve
      case .reject: .reject
      case .requestCorrection: .requestCorrection
      case .revoke: .revoke
      }
    }

    var reasons: [String] {
      switch self {
      case .approve(_, _, let reasons), .reject(let reasons), .requestCorrection(let reasons): reasons
      case .revoke(let reason): [reason]
      }
    }
  }

  /// Applies a clerk's decision: role, four eyes, state, numbering; the decision packet (the one
  /// supplied, already checked, or one built here) is stored; the record changes only when
  /// everything passed.
  func decide(
    _ reference: String, _ decision: ClerkDecision, supplied: ReceivedPacket?, in transaction: RegistryTransaction,
    operation: inout Operation
  ) throws {
    let actor = operation.actor
    let clock = operation.clock
    operation.subject = reference
    Self.requireRole([.clerk], &operation)
    guard var row = try transaction.preFiling(reference: reference) else {
      operation.refuse(RegistryRules.subjectExists, LocalizedText("没有预备案 \(reference)", "no pre-filing \(reference)"), value: reference)
      if let supplied { try store(supplied, in: transaction, operation: &operation) }
      return
    }
    // Approve and ask for corrections on a submission; reject one also while it waits for a
    // correction (a clerk closes it); revoke an active one.
    let allowed: Set<PreFilingStatus> =
      switch decision.kind {
      case .revoke: [.active]
      case .reject: [.submitted, .correctionRequested]
      default: [.submitted]
      }
    let required: PreFilingStatus = decision.kind == .revoke ? .active : .submitted
    if !allowed.contains(where: { $0.rawValue == row.status }) {
      let status = PreFilingStatus(rawValue: row.status)?.label ?? LocalizedText(row.status, row.status)
      operation.refuse(
        RegistryRules.stateAllows,
        LocalizedText(
          "预备案 \(reference) 当前为“\(status.zh)”，不能\(decision.kind.label.zh)",
          "pre-filing \(reference) is \(status.en); \(decision.kind.label.en.lowercased()) needs \(required.label.en)"),
        value: row.status)
    }
    if decision.kind != .revoke, row.submittedByRole == ActorRole.clerk.rawValue, Actor.normalized(row.submittedByID) == actor.id {
      operation.refuse(
        RegistryRules.fourEyes,
        LocalizedText("工作人员 \(actor.id) 录入了该预备案，不能自行审查", "clerk \(actor.id) entered this pre-filing and may not decide it"),
        value: actor.id)
    }
    var number = row.number
    var validFrom: CivilDate?
    var validUntil: CivilDate?
    // The number is taken only once the approval is accepted: a refused approval leaves no gap.
    let counter = "YBA-\(oneWindow.policy.divisionCode)-\(clock.today.year)"
    if case .approve = decision {
      try requireAnswered(
        openReviewErrors(receipt: row.submittedReceipt, track: nil, in: transaction), by: decision.reasons, &operation)
    }
    if case .approve(let from, let until, _) = decision, operation.outcome == .accepted {
      number = "\(counter)-\(Self.pad(try transaction.peekValue(counter)))"
      validFrom = from ?? clock.today
      validUntil = until ?? (validFrom ?? clock.today).adding(years: oneWindow.policy.preFilingValidityYears).adding(days: -1)
    }
    if let supplied {
      try store(supplied, in: transaction, operation: &operation)
    } else {
      let subject: DecisionSubject = number.map { .preFiling($0) } ?? .submission(row.submittedReceipt)
      let received = DecisionPacket.build(
        subject: subject, kind: decision.kind, clerk: clock, staff: actor.id, reasons: decision.reasons,
        validity: validFrom.map { ($0, validUntil) })
      _ = try check(received, kinds: [.reviewDecision], in: transaction, operation: &operation)
      try store(received, in: transaction, operation: &operation)
    }
    guard operation.outcome == .accepted else { return }
    if case .approve = decision, let number, number != row.number {
      guard "\(counter)-\(Self.pad(try transaction.nextValue(counter)))" == number else {
        throw Self.inconsistent("pre-filing number \(number) was taken meanwhile")
      }
    }
    let reasons = decision.reasons.joined(separator: "；")
    switch decision {
    case .approve:
      row.number = number
      row.status = PreFilingStatus.active.rawValue
      row.validFrom = validFrom?.description
      row.validUntil = validUntil?.description
      operation.subject = number
      operation.log(
        "prefiling.approved", number ?? reference,
        "submission=\(row.submittedReceipt); valid=\(row.validFrom ?? "")..\(row.validUntil ?? "")" + operation.answeredDetail)
    case .reject(let list):
      row.status = PreFilingStatus.rejected.rawValue
      row.reason = reasons
      operation.log("prefiling.rejected", reference, "reasons=\(list.count)")
    case .requestCorrection(let list):
      row.status = PreFilingStatus.correctionRequested.rawValue
      row.reason = reasons
      operation.log("prefiling.correction-requested", reference, "reasons=\(list.count)")
    case .revoke(let reason):
      row.status = PreFilingStatus.revoked.rawValue
      row.reason = reason
      operation.log("prefiling.revoked", reference, "reason=\(reason)")
    }
    row.decidedBy = actor.id
    row.updatedAt = clock.now
    try transaction.updatePreFiling(row)
  }

  // MARK: - Amend and withdraw

  /// The owner amends an active pre-filing: a new version; the old one is kept.
  public func amendPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) -> Receipt {
    let received = try await receive(source)
    return try await perform("prefile.amend", actor: actor, clock: clock) { transaction, operation in
      let parsed = try check(received, kinds: [.preFilingAmendment], in: transaction, operation: &operation)
      Self.requireRole([.owner], &operation)
      guard case .amendment(let amendment)? = parsed?.packet else {
        try store(received, in: transaction, operation: &operation)
        return
      }
      operation.subject = amendment.preFilingNumber
      Self.requireOwner(actor, is: amendment.owner.identity.number, &operation)
      try store(received, in: transaction, operation: &operation)
      guard operation.outcome == .accepted, let packetID = operation.packetID,
        var row = try transaction.preFiling(reference: amendment.preFilingNumber)
      else { return }
      let version = row.version + 1
      try transaction.insertVersion(
        preFilingID: row.id, version: version, packetID: packetID, receipt: operation.receiptNumber, kind: "amended",
        at: clock.now)
      for retirement in amendment.retireUnits {
        try transaction.retireUnit(preFilingID: row.id, unitID: retirement.unitRef, version: version)
      }
      for replacement in amendment.replaceProofs {
        try transaction.replaceProof(preFilingID: row.id, proofID: replacement.replaces, version: version)
      }
      let newProofs = amendment.addProofs + amendment.replaceProofs.map(\.proof)
      try Self.addUnits(
        amendment.addUnits, proofs: newProofs, consents: amendment.consents, version: version, preFilingID: row.id,
        in: transaction)
      for proof in newProofs { try transaction.insertProof(preFilingID: row.id, Self.row(proof, version: version)) }
      for consent in amendment.consents where consent.isUnanimous {
        if let unit = try transaction.unit(preFilingID: row.id, unitID: consent.unitRef) {
          try transaction.updateUnitMaterials(
            preFilingID: row.id, unitID: unit.unitID, proofMaterials: unit.proofMaterials + (unit.hasConsent ? 0 : 1),
            hasConsent: true)
        }
      }
      row.version = version
      row.updatedAt = clock.now
      try transaction.updatePreFiling(row)
      operation.log(
        "prefiling.amended", amendment.preFilingNumber,
        "version=\(version); added=\(amendment.addUnits.count); retired=\(amendment.retireUnits.count); proofs=\(newProofs.count)")
    }
  }

  /// The owner withdraws a pre-filing (a withdrawal packet).
  public func withdrawPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) -> Receipt {
    let received = try await receive(source)
    return try await perform("prefile.withdraw", actor: actor, clock: clock) { transaction, operation in
      let parsed = try check(received, kinds: [.preFilingWithdrawal], in: transaction, operation: &operation)
      Self.requireRole([.owner], &operation)
      guard case .withdrawal(let withdrawal)? = parsed?.packet else {
        try store(received, in: transaction, operation: &operation)
        return
      }
      operation.subject = withdrawal.preFilingNumber
      Self.requireOwner(actor, is: withdrawal.owner.identity.number, &operation)
      try store(received, in: transaction, operation: &operation)
      guard operation.outcome == .accepted, var row = try transaction.preFiling(reference: withdrawal.preFilingNumber)
      else { return }
      row.status = PreFilingStatus.withdrawn.rawValue
      row.reason = withdrawal.reason
      row.updatedAt = clock.now
      try transaction.updatePreFiling(row)
      operation.log("prefiling.withdrawn", withdrawal.preFilingNumber, "effective=\(withdrawal.effectiveOn?.description ?? "")")
    }
  }

  // MARK: - Helpers

  static func requireRole(_ roles: Set<ActorRole>, _ operation: inout Operation) {
    guard !roles.contains(operation.actor.role) else { return }
    let allowed = roles.map(\.label.zh).sorted().joined(separator: "或")
    operation.refuse(
      RegistryRules.actorMayAct,
      LocalizedText(
        "\(operation.name) 须由\(allowed)办理，操作人为\(operation.actor.role.label.zh)",
        "\(operation.name) is for \(roles.map(\.label.en).sorted().joined(separator: " or ")), not \(operation.actor.role.label.en)"),
      value: operation.actor.id)
  }

  static func requireOwner(_ actor: Actor, is owner: String, _ operation: inout Operation) {
    guard case .owner = actor, actor.id != Actor.normalized(owner) else { return }
    let id = actor.id
    operation.refuse(
      RegistryRules.actorMayAct,
      LocalizedText("操作人 \(id) 不是产权单位 \(owner)", "the actor \(id) is not the owner \(owner)"), value: id)
  }

  static func row(_ proof: PropertyProof, version: Int) -> ProofRow {
    ProofRow(
      proofID: proof.id, type: proof.type.rawValue, number: proof.number, plannedUse: proof.plannedUse.rawValue,
      covers: proof.covers.joined(separator: ","), materialFile: proof.material.id, addedIn: version,
      issuer: proof.issuer)
  }

  /// Inserts units with the count of proof and consent materials a tenant need not submit.
  static func addUnits(
    _ units: [OneWindowCore.Unit], proofs: [PropertyProof], consents: [ResidentialConsent], version: Int, preFilingID: Int64,
    in transaction: RegistryTransaction
  ) throws {
    for unit in units {
      let proofMaterials = Set(proofs.filter { $0.covers.contains(unit.id) }.map { $0.material.id })
      let consent = consents.first { $0.unitRef == unit.id && $0.isUnanimous }
      try transaction.insertUnit(
        preFilingID: preFilingID,
        UnitRow(
          unitID: unit.id, floor: unit.floor, room: unit.room, area: unit.area, plannedUse: unit.plannedUse.rawValue,
          capacity: unit.capacity, features: unit.features.map(\.rawValue).sorted().joined(separator: ","),
          hasConsent: consent != nil, proofMaterials: proofMaterials.count + (consent == nil ? 0 : 1), addedIn: version))
    }
  }
}
