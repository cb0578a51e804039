import Foundation
import OneWindowCore
import OneWindowRules
import OneWindowStore
import OneWindowZip
import OneWindowValidation

extension Registry {
  /// Receives a packet for a write command through the one intake (hashed, under the default
  /// limits: 16 MiB of XML, 64 MiB of zip), reading files off the caller's thread.
  func receive(_ source: PacketSource) async throws(OneWindowError) -> ReceivedPacket {
    try await Offload.run { () throws(OneWindowError) in
      try PacketIntake.receive(source, maxBytes: ValidationOptions().maxBytes, zip: ZipLimits())
    }
  }
}

/// Carries a dry run's preview receipt out of its transaction, which the throw rolls back.
struct PreviewRollback: Error {
  var receipt: Receipt
}

/// One write command in progress, inside its transaction.
struct Operation {
  let name: String
  let actor: Actor
  let clock: RegistryClock
  /// Allocated first, so records can refer to the receipt that created them.
  let receiptNumber: String
  /// Where refusals are located: the submitted packet's name, else the operation's.
  var file: String
  var findings: [Finding] = []
  var subject: String?
  var dueOn: CivilDate?
  /// The due date needs a holiday schedule not yet published.
  var dueProvisional = false
  var materialsSaved: Receipt.MaterialsSaved?
  var resubmits: String?
  var licences: Receipt.IssuedLicences?
  var reasons: [Receipt.Reason] = []
  /// The findings of the earlier packet a resubmission names.
  var earlierFindings: (receipt: String, findings: [Finding])?
  /// Why the operation could not run (a date outside the published calendars); the packet is
  /// still stored and answered.
  var failure: String?
  var packetID: Int64?
  var packetSHA256: String?
  var packetFamily: String?
  var packetSize: Int?
  /// False for input over the size limit: recorded, not kept.
  var packetStored: Bool?
  var packetHeaderID: String?
  /// What the packet says about the applicant and premises.
  var particulars: PacketParticulars?
  /// Audit events to append: action, subject, detail.
  var events: [(action: String, subject: String, detail: String)] = []

  /// A reviewer decides later (a pre-filing, a bundle's tracks): only acceptance errors refuse
  /// the write, review findings wait for the reviewer (行政许可法 arts 32, 34). Otherwise (a
  /// registration decided on the spot, a decision, an issue) every error refuses.
  var reviewFollows = false
  /// Review errors an approval answered with a reason (audited).
  var answeredReviewErrors: [RuleID] = []
  /// `; answered=FL-004,FL-013` for an approval's audit detail, empty when none.
  var answeredDetail: String {
    answeredReviewErrors.isEmpty ? "" : "; answered=" + answeredReviewErrors.map(\.rawValue).joined(separator: ",")
  }

  var outcome: Outcome {
    guard failure == nil else { return .couldNotRun }
    guard reviewFollows else { return Outcome.of(findings) }
    return findings.contains(where: \.refusesAcceptance) ? .rejected : .accepted
  }

  /// Adds a refusal by an operation rule, located at the operation.
  mutating func refuse(_ rule: RuleDescriptor, _ detail: LocalizedText, value: String? = nil) {
    findings.append(rule.finding(at: SourceLocation(file: file), detail: detail, value: value))
  }

  mutating func log(_ action: String, _ subject: String, _ detail: String) {
    events.append((action, subject, detail))
  }
}

extension Registry {
  /// Runs one write command in one transaction and answers with its receipt.
  func perform(
    _ name: String, actor: Actor, clock: RegistryClock,
    _ body: @escaping @Sendable (RegistryTransaction, inout Operation) throws -> Void
  ) async throws(OneWindowError) -> Receipt {
    // A slip in the actor's id is refused before anything is stored: no receipt, no event.
    if let problem = actor.idProblem(staffNumberPattern: oneWindow.policy.staffNumberPattern ?? Policy.defaultStaffNumberPattern) {
      throw .invalidActor(problem)
    }
    do {
      let preview = self.preview
      return try await store.write { transaction in
        let headBefore = try transaction.auditHead()
        // Official time comes from the database's clock where there is one (PostgreSQL, read
        // under the registry's lock): every instance's writes are then in one order of time.
        let recordedAt = clock.isOfficial ? (try transaction.databaseTime() ?? clock.recordedAt) : clock.recordedAt
        let backdated = try Self.checkBusinessDate(clock, in: transaction)
        let day = clock.today.description.replacingOccurrences(of: "-", with: "")
        let sequence = try transaction.nextValue("RCPT-\(day)")
        var operation = Operation(
          name: name, actor: actor, clock: clock, receiptNumber: "RCPT-\(day)-\(Self.pad(sequence))", file: name)
        // Once a registry has clerk accounts, a clerk acting (the local CLI's --clerk too) is one.
        if case .clerk(let staffNumber) = actor, try transaction.hasClerkAccounts(),
          !(try transaction.isActiveClerk(staffNumber: staffNumber))
        {
          operation.refuse(
            RegistryRules.actorMayAct,
            LocalizedText("工作人员 \(staffNumber) 不是本登记库的在用工作人员账户", "clerk \(staffNumber) is not an active clerk account of this registry"),
            value: staffNumber)
        }
        let centre = try Self.centre(origin?.serviceCentre) ?? Self.centre(serviceCentre) ?? clerkCentre(actor, in: transaction)
        try body(transaction, &operation)
        if operation.events.isEmpty {
          let action = operation.outcome == .accepted ? name : operation.outcome == .rejected ? name + ".refused" : name + ".not-run"
          operation.log(action, operation.subject ?? "-", "")
        }
        try completeProvisionalDates(in: transaction, operation: &operation)
        let particulars = try (operation.particulars ?? PacketParticulars()).completed(
          subject: operation.subject, in: transaction)
        // Every row this write changed, digested under its last event (the state ledger).
        let state = try transaction.takeStateChanges()
        var head = try transaction.auditHead()
        let origin = self.origin
        for (index, event) in operation.events.enumerated() {
          var detail = event.detail.isEmpty ? "receipt=\(operation.receiptNumber)" : "receipt=\(operation.receiptNumber); " + event.detail
          if let origin {
            detail += "; " + origin.auditDetail
          } else if let centre {
            detail += "; centre=\(centre)"
          }
          if index == operation.events.count - 1, !state.isEmpty { detail += "; state=\(StateLedger.summary(state))" }
          head = try transaction.appendAudit(
            after: head, at: clock.now, recordedAt: recordedAt, actorRole: actor.role.rawValue, actorID: actor.id,
            action: event.action, subject: event.subject, detail: detail)
        }
        try transaction.insertStateRecords(state, sequence: head.sequence)
        var receipt = Receipt(
          number: operation.receiptNumber, issuedAt: clock.now, operation: name, actorRole: actor.role,
          actorID: actor.id, outcome: operation.outcome, subject: operation.subject,
          packetSHA256: operation.packetSHA256, packetID: operation.packetHeaderID, packetFamily: operation.packetFamily,
          packetSize: operation.packetSize, packetStored: operation.packetStored,
          dueOn: operation.dueOn, materialsSaved: operation.materialsSaved, resubmits: operation.resubmits,
          licences: operation.licences, reasons: operation.reasons,
          resubmission: operation.earlierFindings.map {
            ResubmissionDiff(resubmits: $0.receipt, earlier: $0.findings, now: operation.findings)
          },
          findings: operation.findings.sorted(by: Finding.reportOrder), auditSequence: head.sequence,
          auditHead: head.hash)
        receipt.recordedAt = recordedAt
        receipt.origin = origin
        receipt.serviceCentre = centre
        receipt.particulars = particulars.isEmpty ? nil : particulars
        receipt.businessDate = clock.today
        receipt.backdated = backdated ? true : nil
        receipt.dueProvisional = operation.dueOn != nil && operation.dueProvisional ? true : nil
        let body = String(decoding: try JSONEncoder().encode(receipt), as: UTF8.self)
        try transaction.insertReceipt(
          ReceiptRow(
            number: receipt.number, issuedAt: receipt.issuedAt, operation: name, actorRole: actor.role.rawValue,
            actorID: actor.id, packetID: operation.packetID, outcome: receipt.outcome.rawValue,
            subject: receipt.subject, dueOn: receipt.dueOn?.description, savedCount: receipt.materialsSaved?.count,
            savedPercent: receipt.materialsSaved?.percent, resubmits: receipt.resubmits, body: body,
            auditSequence: head.sequence, auditHead: head.hash, document: receipt.xml, recordedAt: recordedAt,
            businessDate: clock.today.description, backdated: backdated))
        if preview {
          // Checked in full; now rolled back: no number, no event, nothing stored.
          receipt.number = Receipt.previewNumber
          receipt.preview = true
          receipt.auditSequence = headBefore.sequence
          receipt.auditHead = headBefore.hash
          throw PreviewRollback(receipt: receipt)
        }
        return receipt
      }
    } catch let rollback as PreviewRollback {
      return rollback.receipt
    } catch {
      throw failure(error)
    }
  }

  /// The service centre of the acting clerk's account, when the registry has one.
  func clerkCentre(_ actor: Actor, in transaction: RegistryTransaction) throws -> String? {
    guard case .clerk(let staffNumber) = actor else { return nil }
    return Self.centre(try transaction.clerkServiceCentre(staffNumber: staffNumber))
  }

  /// A centre code trimmed (at most 100 characters, as the receipt schema allows); nil when blank.
  static func centre(_ code: String?) -> String? {
    guard let trimmed = code?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
    return String(trimmed.prefix(100))
  }

  /// Official time: a write's business date may not lie after today (Asia/Shanghai) nor before
  /// the registry's last event. Returns whether it is backdated (before today). Fixed clocks
  /// (the library, replays, tests) set the date freely.
  static func checkBusinessDate(_ clock: RegistryClock, in transaction: RegistryTransaction) throws -> Bool {
    guard clock.isOfficial else { return false }
    let today = CivilDate.today()
    if clock.today > today {
      throw OneWindowError.businessDate(BusinessDateError(kind: .afterToday, date: clock.today, bound: today))
    }
    if let last = try transaction.lastEventTime(), let lastDate = CivilDate(String(last.prefix(10))), clock.today < lastDate {
      throw OneWindowError.businessDate(BusinessDateError(kind: .beforeLastEvent, date: clock.today, bound: lastDate))
    }
    return clock.today < today
  }

  /// Checks a packet inside the operation's transaction (schema, rules, registry facts read in
  /// the same transaction) and records its findings. Returns the typed packet when it parsed and
  /// is of an expected kind; a packet of another kind is answered with `RG-005` alone.
  func check(
    _ received: ReceivedPacket, kinds: Set<PacketKind>, in transaction: RegistryTransaction, operation: inout Operation
  ) throws -> ParsedPacket? {
    if !received.generated { operation.file = received.name }
    operation.packetSHA256 = received.sha256
    if !received.generated {
      operation.packetSize = received.size
      operation.packetStored = received.storedBytes != nil
    }
    if case .refused(let findings, _) = received.content {
      // Refused before its XML was read (over the size limit, a refused zip).
      operation.findings += findings
      return nil
    }
    let options = ValidationOptions(computeHashes: false, asOf: operation.clock.today, rules: rules)
    let checker = try PacketChecker(
      schemas: oneWindow.schemas, policy: oneWindow.policy, options: options, definitions: oneWindow.bundleDefinitions)
    let asOf = operation.clock.today
    let checked = checker.check(
      received, lookup: { packet in try RegistryFactsBuilder.facts(for: packet, asOf: asOf, in: transaction) })
    let (report, parsed) = (checked.report, checked.parsed)
    if report.outcome == .couldNotRun { throw Self.inconsistent(report.failure ?? "the packet could not be checked") }
    operation.packetFamily = report.family
    operation.packetHeaderID = parsed?.packet.header?.packetID
    if let parsed, !kinds.contains(parsed.packet.kind) {
      operation.refuse(
        RegistryRules.packetKindFits,
        LocalizedText(
          "\(operation.name) 需要 \(kinds.map(\.rawValue).sorted().joined(separator: "、"))，收到的是 \(parsed.packet.kind.rawValue)",
          "\(operation.name) takes \(kinds.map(\.rawValue).sorted().joined(separator: ", ")), not \(parsed.packet.kind.rawValue)"),
        value: parsed.packet.kind.rawValue)
      return nil
    }
    operation.findings += report.findings
    if let parsed { operation.particulars = PacketParticulars(parsed.packet) }
    operation.resubmits = parsed?.packet.header?.resubmits
    if !received.generated, let sha256 = received.sha256,
      let earlier = try transaction.acceptingReceipt(sha256: sha256, operation: operation.name)
    {
      operation.refuse(
        RegistryRules.notADuplicate,
        LocalizedText("相同的数据包已由回执 \(earlier) 受理", "the same packet was accepted under receipt \(earlier)"),
        value: earlier)
    }
    if let resubmits = operation.resubmits {
      let earlier = try transaction.receipt(resubmits)
      if let earlier, let body = try? JSONDecoder().decode(Receipt.self, from: Data(earlier.body.utf8)) {
        operation.earlierFindings = (resubmits, body.findings)
      }
      let awaitsCorrection = try earlier?.subject.map { try transaction.awaitsCorrection($0) } ?? false
      if earlier?.outcome != Outcome.rejected.rawValue && !awaitsCorrection {
        let state = earlier == nil ? LocalizedText("登记库中没有回执 \(resubmits)", "no receipt \(resubmits) in the registry")
          : LocalizedText("回执 \(resubmits) 并未退回数据包", "receipt \(resubmits) did not refuse a packet")
        let node = parsed?.packet.header?.$resubmits ?? .none
        let location = SourceLocation(
          file: received.name, line: parsed?.sourceMap.line(of: node), path: parsed?.sourceMap.path(of: node))
        operation.findings.append(RegistryRules.resubmitsRejected.finding(at: location, detail: state, value: resubmits))
      }
    }
    return parsed
  }

  /// Checks a clerk's `ReviewDecision` packet and that the acting clerk signed it (RG-001). Returns
  /// nil, with the packet stored, when it is not a schema-valid decision.
  func signedDecision(
    _ received: ReceivedPacket, in transaction: RegistryTransaction, operation: inout Operation
  ) throws -> ReviewDecision? {
    let parsed = try check(received, kinds: [.reviewDecision], in: transaction, operation: &operation)
    guard case .decision(let packet)? = parsed?.packet else {
      try store(received, in: transaction, operation: &operation)
      return nil
    }
    let actor = operation.actor
    if Actor.normalized(packet.clerk) != actor.id {
      operation.refuse(
        RegistryRules.actorMayAct,
        LocalizedText("决定书由工作人员 \(packet.clerk) 作出，操作人为 \(actor.id)", "the decision is signed by clerk \(packet.clerk), not \(actor.id)"),
        value: packet.clerk)
    }
    return packet
  }

  /// Stores the packet verbatim with the operation's outcome so far; input over the size limit
  /// is not kept (its receipt records its size and SHA-256 and says so).
  func store(_ received: ReceivedPacket, in transaction: RegistryTransaction, operation: inout Operation) throws {
    guard let bytes = received.storedBytes else { return }
    operation.packetID = try transaction.insertPacket(
      StoredPacket(
        sha256: received.sha256 ?? PacketIntake.sha256(bytes), family: operation.packetFamily, root: nil,
        source: received.name, bytes: bytes, attachments: received.attachments, receivedAt: operation.clock.now,
        operation: operation.name, actorRole: operation.actor.role.rawValue, actorID: operation.actor.id,
        outcome: operation.outcome.rawValue))
  }

  static func pad(_ value: Int, width: Int = 6) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

extension ReviewDecision {
  /// The reasons as clerks read them: `RD-002 现场核查不符合…` when a reason cites a rule.
  var reasonTexts: [String] { reasons.map { reason in reason.ruleRef.map { "\($0) \(reason.text)" } ?? reason.text } }
}
