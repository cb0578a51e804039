import Foundation
import OneWindowCore
import OneWindowRules
import OneWindowStore
import OneWindowValidation

/// What issuing a bundle of a definition (not the restaurant's) needs, recorded at acceptance.
struct TradeBasis: Codable {
  var definition: String
  var kind: BundleKind
  var name: String
  var applicantName: String
  var applicantIdentity: String
  var place: String
  /// A change's or cancellation's current certificates, by track.
  var current: [String: String]
  var changes: [String]
  /// The tracks opened for this case.
  var tracks: [Track]
  /// What the definition said at acceptance, so a definition edited or removed later does not
  /// change a case in progress: the working days allowed, the inspectors each track's approval
  /// needs, and the core paths a change may rewrite on the certificates.
  var workingDays: Int? = nil
  var inspectors: [String: Int]? = nil
  var changedPaths: [String]? = nil
}

extension TradeBasis {
  /// What `row` recorded at acceptance, when it is a bundle of another definition.
  init?(of row: BundleRow) {
    guard let json = row.issuanceBasis, let basis = try? JSONDecoder().decode(TradeBasis.self, from: Data(json.utf8)) else { return nil }
    self = basis
  }
}

extension Registry {
  /// A generic bundle (`TradeBundle`) of a loaded definition: accepted like the restaurant's,
  /// with the definition's tracks, time limit and (for a change or cancellation) certificates.
  func submitTrade(
    _ trade: TradeBundlePacket, _ received: ReceivedPacket, in transaction: RegistryTransaction, operation: inout Operation
  ) throws {
    guard let definition = oneWindow.bundleDefinitions.definition(trade.definition), definition.packets == .generic else {
      // TB-001 or TB-002 already refused it.
      try store(received, in: transaction, operation: &operation)
      return
    }
    let actor = operation.actor
    let business = trade.current.first { $0.track == .business }?.number
    if case .applicant = actor, !Set([trade.applicantIdentity, business].compactMap { $0 }.map(Actor.normalized)).contains(actor.id) {
      let id = actor.id
      operation.refuse(
        RegistryRules.actorMayAct, LocalizedText("申请人 \(id) 不是本申请的申请人", "the applicant \(id) is not the applicant this packet names"),
        value: id)
    }
    let corrected = try bundleAwaitingCorrection(named: operation.resubmits, in: transaction)
    let tracks: [Track] =
      switch trade.kind {
      case .opening: definition.tracks.map(\.id)
      case .change: definition.tracksAffected(by: trade.changes)
      case .cancellation: definition.tracks.map(\.id).filter { track in trade.current.contains { $0.track == track } }
      }
    if let corrected, try transaction.bundleDefinition(bundleID: corrected.id)?.definition != definition.id || corrected.kind != trade.kind.rawValue {
      operation.refuse(
        RegistryRules.stateAllows,
        LocalizedText(
          "补正的办件 \(corrected.number) 不是“\(definition.name.zh)”的\(trade.kind.label.zh)",
          "bundle \(corrected.number) is not a \(trade.kind.label.en.lowercased()) of \(definition.name.en)"),
        value: corrected.number)
    } else if let corrected, try Set(transaction.tracks(bundleID: corrected.id).map(\.track)) != Set(tracks.map(\.rawValue)) {
      // A correction corrects the case it was asked for: the tracks decided so far stay the tracks.
      operation.refuse(
        RegistryRules.stateAllows,
        LocalizedText(
          "补正不能改变办件 \(corrected.number) 涉及的审批线（原为 \(try transaction.tracks(bundleID: corrected.id).map(\.track).joined(separator: "、"))）；请另行申请",
          "a correction cannot change the tracks of bundle \(corrected.number) (\(try transaction.tracks(bundleID: corrected.id).map(\.track).joined(separator: ", "))); file a new case"),
        value: corrected.number)
    }
    if trade.kind != .opening {
      for licence in trade.current {
        guard let permit = try transaction.permit(number: licence.number), permit.definition == definition.id,
          permit.track == licence.track.rawValue
        else {
          operation.refuse(
            RegistryRules.subjectExists,
            LocalizedText(
              "没有“\(definition.name.zh)”审批线 \(licence.track) 的证照 \(licence.number)",
              "no certificate \(licence.number) of track \(licence.track) of \(definition.name.en) is on record"),
            value: licence.number)
          continue
        }
        if !permit.active {
          operation.refuse(
            RegistryRules.stateAllows,
            LocalizedText("证照 \(licence.number) 已于 \(permit.endedOn ?? "-") 注销", "certificate \(licence.number) ended on \(permit.endedOn ?? "-")"),
            value: licence.number)
        }
        // Only its holder (or a clerk at the window, for the holder) files on a certificate.
        if Actor.normalized(permit.holderIdentity) != Actor.normalized(trade.applicantIdentity) {
          operation.refuse(
            RegistryRules.actorMayAct,
            LocalizedText(
              "证照 \(licence.number) 的持证人不是申请人 \(trade.applicantIdentity)", "certificate \(licence.number) is not held by the applicant \(trade.applicantIdentity)"),
            value: licence.number)
        }
      }
      if corrected == nil {
        let numbers = Set(trade.current.map(\.number))
        for open in try openTradeCases(naming: numbers, in: transaction) {
          operation.refuse(
            RegistryRules.stateAllows,
            LocalizedText("所涉证照另有办理中的办件 \(open)", "a certificate it names has another bundle in progress, \(open)"),
            value: open)
        }
      }
    }
    let due = dueDate(workingDays: definition.timeLimits.workingDays(for: trade.kind), from: operation.clock.today)
    refuseIfProvisional(due, &operation)
    try store(received, in: transaction, operation: &operation)
    guard operation.outcome == .accepted, let packetID = operation.packetID else { return }
    var basis = TradeBasis(
      definition: definition.id, kind: trade.kind, name: trade.name, applicantName: trade.applicantName,
      applicantIdentity: trade.applicantIdentity, place: trade.place,
      current: Dictionary(trade.current.map { ($0.track.rawValue, $0.number) }, uniquingKeysWith: { first, _ in first }),
      changes: trade.changes, tracks: tracks)
    basis.workingDays = definition.timeLimits.workingDays(for: trade.kind)
    basis.inspectors = trade.kind == .opening
      ? Dictionary(uniqueKeysWithValues: definition.tracks.compactMap { track in track.inspectors.map { (track.id.rawValue, $0) } }) : [:]
    basis.changedPaths = definition.changeEffects.filter { trade.changes.contains($0.code) }.compactMap(\.path)
    let basisJSON = String(decoding: try JSONEncoder().encode(basis), as: UTF8.self)
    if let corrected {
      try reopen(corrected, packetID: packetID, due: due, basis: basisJSON, in: transaction, operation: &operation) { row in
        row.operatorName = trade.applicantName
        row.operatorIdentity = trade.applicantIdentity
        row.businessName = trade.name
      }
      return
    }
    let clock = operation.clock
    let number = try nextBundleNumber(in: transaction, on: clock.today)
    var bundle = BundleRow(
      number: number, kind: trade.kind.rawValue, status: BundleStatus.underReview.rawValue, operatorName: trade.applicantName,
      operatorIdentity: trade.applicantIdentity, businessName: trade.name, uscc: business, foodLicence: nil, preFilingNumber: nil,
      unitID: nil, changedFields: trade.changes.joined(separator: ","),
      inspectionNeeded: trade.kind == .opening && tracks.contains { definition.track($0)?.inspectors != nil },
      acceptedOn: clock.today.description, clockStart: clock.today.description, dueOn: due.date.description, packetID: packetID,
      receiptNumber: operation.receiptNumber, submittedByRole: operation.actor.role.rawValue, submittedByID: operation.actor.id,
      updatedAt: clock.now, issuanceBasis: basisJSON)
    bundle.dueProvisional = due.provisional
    let bundleID = try transaction.insertBundle(bundle)
    try transaction.insertBundleDefinition(bundleID: bundleID, definition: definition.id, version: definition.version)
    try transaction.insertBundlePacket(
      bundleID: bundleID, version: 1, packetID: packetID, receipt: operation.receiptNumber, kind: "submitted", at: clock.now)
    for track in tracks.sorted() {
      try transaction.insertTrack(bundleID: bundleID, TrackRow(track: track.rawValue, status: TrackStatus.pending.rawValue))
    }
    operation.subject = number
    (operation.dueOn, operation.dueProvisional) = (due.date, due.provisional)
    operation.log(
      "bundle.accepted", number,
      "definition=\(definition.id); kind=\(trade.kind.rawValue); tracks=\(tracks.map(\.rawValue).sorted().joined(separator: ",")); due=\(due.date)\(due.provisional ? " (provisional)" : "")")
  }

  /// Approving a track of a definition that asks for an on-site inspection, in an opening, needs
  /// one by at least its number of different inspectors with a passing result (`RD-002`).
  func requireTradeInspection(
    _ row: BundleRow, track: Track, decision: TrackDecision, in transaction: RegistryTransaction, _ operation: inout Operation
  ) throws {
    guard case .approve(let inspection, _) = decision, row.kind == BundleKind.opening.rawValue,
      let recorded = try transaction.bundleDefinition(bundleID: row.id)
    else { return }
    // What the definition asked for when the case was accepted (a later edit changes nothing).
    let basis = TradeBasis(of: row)
    let live = oneWindow.bundleDefinitions.definition(recorded.definition)?.track(track)
    guard let needed = basis?.inspectors.map({ $0[track.rawValue] }) ?? live?.inspectors else { return }
    let name = live?.name ?? track.label
    let inspectors = Set(inspection?.inspectors ?? []).count
    guard let inspection, inspection.result != .fail, inspectors >= needed else {
      operation.refuse(
        FoodApprovalInspected.descriptor,
        LocalizedText(
          "准予\(name.zh)须有不少于 \(needed) 名人员的现场核查且结论为符合（记录了 \(inspectors) 名\(inspection?.result == .fail ? "，结论不符合" : "")）",
          "approving the \(name.en) needs a passed on-site inspection by at least \(needed) (\(inspectors) recorded\(inspection?.result == .fail ? ", failed" : ""))"),
        value: String(inspectors))
      return
    }
  }

  /// Unified issuance of a bundle of a definition: every track's certificate in the definition's
  /// order (a track after those it names in `After`), numbered by its allocator; a change updates
  /// the affected certificates, a cancellation ends them all.
  func issueTrade(
    _ row: inout BundleRow, definitionID: String, issuance: inout IssuancePacket, in transaction: RegistryTransaction,
    operation: inout Operation
  ) throws {
    guard let basis = TradeBasis(of: row) else {
      throw Self.inconsistent("bundle \(row.number) records nothing to issue")
    }
    guard let definition = oneWindow.bundleDefinitions.definition(definitionID), let order = definition.issuanceOrder else {
      operation.refuse(
        RegistryRules.stateAllows,
        LocalizedText(
          "办件 \(row.number) 所依据的“一件事”定义 \(definitionID) 未加载，无法出证", "the definition \(definitionID) of bundle \(row.number) is not loaded; nothing can be issued"),
        value: definitionID)
      return
    }
    let missing = basis.tracks.filter { definition.track($0) == nil }
    guard missing.isEmpty else {
      operation.refuse(
        RegistryRules.stateAllows,
        LocalizedText(
          "现行“一件事”定义 \(definitionID) 已没有办件 \(row.number) 的审批线 \(missing.map(\.rawValue).joined(separator: "、"))，无法出证",
          "the definition \(definitionID) in force no longer has track \(missing.map(\.rawValue).joined(separator: ", ")) of bundle \(row.number); nothing can be issued"),
        value: definitionID)
      return
    }
    if basis.kind != .opening {
      for (track, number) in basis.current.sorted(by: { $0.key < $1.key }) where basis.tracks.contains(Track(rawValue: track) ?? .business) {
        guard let permit = try transaction.permit(number: number), permit.active else {
          operation.refuse(
            RegistryRules.stateAllows,
            LocalizedText("证照 \(number) 已注销，办件 \(row.number) 无法出证", "certificate \(number) has ended; bundle \(row.number) cannot be issued"),
            value: number)
          return
        }
      }
    }
    let today = operation.clock.today
    var faces: [IssuancePacket.PermitFace] = []
    var permits: [Receipt.IssuedPermit] = []
    var uscc = row.uscc
    for track in order where basis.tracks.contains(track) {
      guard let trackDefinition = definition.track(track) else { continue }
      var permit: PermitRow
      let action: String
      switch basis.kind {
      case .opening:
        let number = try allocate(trackDefinition, on: today, in: transaction)
        try transaction.recordIssuedNumber(number, kind: track.rawValue, bundleNumber: row.number, on: today.description)
        permit = PermitRow(
          number: number, definition: definition.id, track: track.rawValue, bundleNumber: row.number, holderName: basis.applicantName,
          holderIdentity: basis.applicantIdentity, subject: basis.name, place: basis.place, uscc: uscc, validFrom: today.description,
          validUntil: trackDefinition.validity.validUntil(from: today)?.description)
        try transaction.insertPermit(permit)
        if track == .business { uscc = number }
        action = "ISSUED"
      case .change, .cancellation:
        guard let number = basis.current[track.rawValue], let existing = try transaction.permit(number: number) else {
          throw Self.inconsistent("bundle \(row.number) names no certificate of track \(track)")
        }
        permit = existing
        permit.bundleNumber = row.number
        if basis.kind == .change {
          // Only what the declared change fields say is rewritten on the certificate.
          let paths = Set(basis.changedPaths ?? [])
          if paths.contains("Name") { permit.subject = basis.name }
          if paths.contains("Applicant/Name") || paths.contains("Applicant") { permit.holderName = basis.applicantName }
          if paths.contains("Place") { permit.place = basis.place }
          action = "CHANGED"
        } else {
          permit.active = false
          permit.endedOn = today.description
          action = "ENDED"
        }
        try transaction.updatePermit(permit)
      }
      faces.append(
        IssuancePacket.PermitFace(
          track: track, action: action, number: permit.number, title: trackDefinition.name.zh,
          department: trackDefinition.department.zh, holder: permit.holderName, subject: permit.subject, place: permit.place,
          validFrom: permit.validFrom, validUntil: permit.validUntil, endedOn: permit.endedOn))
      if track == .business { row.uscc = permit.number } else { permits.append(Receipt.IssuedPermit(track: track, number: permit.number)) }
    }
    issuance.permits = (definition.id, faces)
    operation.licences = Receipt.IssuedLicences(
      uscc: basis.tracks.contains(.business) ? row.uscc : nil, foodLicenceNumber: nil, permits: permits)
  }

  /// Running cases (not issued, rejected or objected) of any definition whose change or
  /// cancellation names one of `numbers`.
  func openTradeCases(naming numbers: Set<String>, in transaction: RegistryTransaction) throws -> [String] {
    guard !numbers.isEmpty else { return [] }
    let closed: Set<String> = [BundleStatus.issued.rawValue, BundleStatus.rejected.rawValue, BundleStatus.objected.rawValue]
    return try transaction.bundles().filter { row in
      guard !closed.contains(row.status), row.kind != BundleKind.opening.rawValue, let basis = TradeBasis(of: row) else { return false }
      return !numbers.isDisjoint(with: basis.current.values)
    }.map(\.number)
  }

  /// The next number of a track's allocator.
  private func allocate(
    _ track: BundleDefinition.TrackDefinition, on today: CivilDate, in transaction: RegistryTransaction
  ) throws -> String {
    switch track.number.allocator {
    case .uscc: return try nextUSCC(in: transaction)
    case .foodJY: return try nextFoodLicenceNumber(category: .catering, in: transaction)
    case .sequence:
      let prefix = track.number.prefix ?? track.id.rawValue
      let counter = "PERMIT-\(prefix)-\(today.year)"
      return "\(prefix)\(today.year)\(Self.pad(try transaction.nextValue(counter), width: track.number.digits))"
    }
  }
}
