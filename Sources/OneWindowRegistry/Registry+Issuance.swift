import Foundation
import OneWindowCore
import OneWindowRules
import OneWindowStore
public import OneWindowValidation

extension Registry {
  /// Unified issuance (统一出证): only when every track of the bundle is approved, both
  /// certificates in one transaction. An opening gets a 统一社会信用代码 (92 + division + a body
  /// with its GB 11714 check + the GB 32100 check; no end date) and a JY number (category digit,
  /// division, sequence, MOD 11,10 check; five years less a day); a change replaces the
  /// certificates it affects; a cancellation ends the food licence, then the business licence.
  /// No number is issued twice: each is recorded under a primary key in the same transaction.
  /// The `Issuance` packet is stored with the receipt (``packet(forReceipt:)``).
  public func issueBundle(_ reference: String, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) -> Receipt {
    try await perform("bundle.issue", actor: actor, clock: clock) { transaction, operation in
      guard var row = try clerksBundle(reference, in: transaction, &operation) else { return }
      // A refused actor gets a refused receipt, like every other role refusal.
      guard operation.outcome == .accepted else { return }
      if row.status != BundleStatus.approved.rawValue {
        let tracks = try transaction.tracks(bundleID: row.id).map { track in
          let label = Track(rawValue: track.track)?.label ?? LocalizedText(track.track, track.track)
          let state = TrackStatus(rawValue: track.status)?.label ?? LocalizedText(track.status, track.status)
          return (zh: "\(label.zh)：\(state.zh)", en: "\(label.en): \(state.en)")
        }
        let status = BundleStatus(rawValue: row.status)?.label ?? LocalizedText(row.status, row.status)
        operation.refuse(
          RegistryRules.stateAllows,
          LocalizedText(
            "办件 \(row.number) 为“\(status.zh)”，须各审批线均准予后统一出证（\(tracks.map(\.zh).joined(separator: "；"))）",
            "bundle \(row.number) is \(status.en); issuance needs every track approved (\(tracks.map(\.en).joined(separator: "; ")))"),
          value: row.status)
        return
      }
      if let period = try transaction.cancellationPeriod(bundleID: row.id), let until = CivilDate(period.objectionUntil),
        clock.today <= until
      {
        operation.refuse(
          RegistryRules.stateAllows,
          LocalizedText(
            "简易注销 \(row.number) 已于 \(period.pushedOn) 推送\(SimplifiedCancellation.departments.zh)，异议期至 \(until) 届满，届满无异议后方可办结",
            "simplified cancellation \(row.number) was pushed to \(SimplifiedCancellation.departments.en) on \(period.pushedOn); it completes only after the objection period ends on \(until)"),
          value: until.description)
        return
      }
      guard let start = CivilDate(row.clockStart) else { throw Self.inconsistent("bundle \(row.number) has no start date") }
      // Never guessed, never blocking: counted Monday to Friday where a schedule is missing, and
      // recorded as provisional until it is added.
      let counted = oneWindow.calendar.provisionalWorkingDays(after: start, through: clock.today)
      let taken = counted.count
      if counted.provisional {
        operation.refuse(
          RegistryRules.calendarPublished,
          LocalizedText(
            "实际用时 \(taken) 个工作日为暂定：所需年份的节假日安排尚未公布，公布后补全",
            "the \(taken) working days taken are provisional: a holiday schedule they need is not published yet"),
          value: String(taken))
      }
      let definition = try transaction.bundleDefinition(bundleID: row.id)
      var issuance = IssuancePacket(
        bundleNumber: row.number, kind: BundleKind(rawValue: row.kind) ?? .opening, acceptedOn: CivilDate(row.acceptedOn) ?? start,
        dueOn: CivilDate(row.dueOn) ?? clock.today, issuedOn: clock.today, workingDaysTaken: taken,
        authority: oneWindow.policy.issuingAuthority, createdAt: clock.now)
      issuance.dueProvisional = row.dueProvisional
      issuance.workingDaysProvisional = counted.provisional
      if let definition {
        try issueTrade(&row, definitionID: definition.definition, issuance: &issuance, in: transaction, operation: &operation)
        guard operation.outcome == .accepted else { return }
      } else if let opening = try issuanceBasis(of: row, in: transaction).opening {
        try issueOpening(opening, row: &row, issuance: &issuance, in: transaction, operation: &operation)
      } else if let change = try issuanceBasis(of: row, in: transaction).change {
        try issueChange(change, row: &row, issuance: &issuance, in: transaction, operation: &operation)
      } else if let uscc = try issuanceBasis(of: row, in: transaction).cancellationUSCC {
        try issueCancellation(uscc: uscc, row: row, issuance: &issuance, in: transaction, operation: &operation)
      } else {
        throw Self.inconsistent("bundle \(row.number) records nothing to issue")
      }
      let received = issuance.received
      _ = try check(received, kinds: [.issuance], in: transaction, operation: &operation)
      guard operation.outcome == .accepted else {
        let problems = operation.findings.map { "\($0.ruleID) \($0.message.en)" }.joined(separator: "; ")
        throw Self.inconsistent("the issuance packet for \(row.number) is not valid: \(problems)")
      }
      try store(received, in: transaction, operation: &operation)
      row.status = BundleStatus.issued.rawValue
      row.issuedOn = clock.today.description
      row.workingDaysTaken = taken
      row.workingDaysProvisional = counted.provisional
      row.issuancePacketID = operation.packetID
      row.updatedAt = clock.now
      try transaction.updateBundle(row)
      operation.log(
        "bundle.issued", row.number,
        "uscc=\(operation.licences?.uscc ?? "-"); food=\(operation.licences?.foodLicenceNumber ?? "-")"
          + (operation.licences?.permits.map { "; permits=" + $0.map { "\($0.track)=\($0.number)" }.joined(separator: ",") } ?? "")
          + "; working-days=\(taken)\(counted.provisional ? " (provisional)" : "")")
    }
  }

  /// What acceptance recorded for issuance; for a bundle accepted before that was recorded, read
  /// once from its stored packet.
  func issuanceBasis(of row: BundleRow, in transaction: RegistryTransaction) throws -> IssuanceBasis {
    if let json = row.issuanceBasis {
      return try JSONDecoder().decode(IssuanceBasis.self, from: Data(json.utf8))
    }
    guard let stored = try transaction.packet(id: row.packetID),
      let basis = IssuanceBasis(try parse(stored.bytes, name: "bundle:\(row.number)"))
    else { throw Self.inconsistent("bundle \(row.number) lost its packet") }
    return basis
  }

  private func issueOpening(
    _ opening: IssuanceBasis.Opening, row: inout BundleRow, issuance: inout IssuancePacket,
    in transaction: RegistryTransaction, operation: inout Operation
  ) throws {
    let today = operation.clock.today
    let policy = oneWindow.policy
    let uscc = try nextUSCC(in: transaction)
    let category = opening.category
    let foodNumber = try nextFoodLicenceNumber(category: category, in: transaction)
    let premises = try premisesText(opening.premises, in: transaction)
    let business = BusinessLicenceFace(
      uscc: uscc, name: opening.name, operatorName: opening.operatorName,
      compositionForm: opening.compositionForm, premises: premises, scope: opening.scope, registeredOn: today)
    let food = FoodLicenceFace(
      number: foodNumber, operatorName: opening.name, uscc: uscc,
      responsible: opening.operatorName, residence: opening.residence, premises: premises,
      category: category, categoryNotes: opening.categoryNotes, items: opening.items, itemsText: opening.itemsText,
      validFrom: today, validUntil: today.adding(years: policy.foodLicenceValidityYears).adding(days: -1))
    for (number, kind) in [(uscc, "USCC"), (foodNumber, "FOOD_LICENCE")] {
      try transaction.recordIssuedNumber(number, kind: kind, bundleNumber: row.number, on: today.description)
    }
    try saveLicence(LicenceCertificates(business: business, food: food), bundleNumber: row.number, in: transaction)
    row.uscc = uscc
    row.foodLicence = foodNumber
    try transaction.setTenancyIdentity(bundleNumber: row.number, identity: uscc)
    issuance.business = business
    issuance.food = food
    operation.licences = Receipt.IssuedLicences(uscc: uscc, foodLicenceNumber: foodNumber)
  }

  private func issueChange(
    _ change: IssuanceBasis.Change, row: inout BundleRow, issuance: inout IssuancePacket,
    in transaction: RegistryTransaction, operation: inout Operation
  ) throws {
    let today = operation.clock.today
    guard let licence = try transaction.licenceRow(uscc: change.uscc),
      var certificates = try? JSONDecoder().decode(LicenceCertificates.self, from: Data(licence.details.utf8))
    else { throw Self.inconsistent("no certificates on record for \(change.uscc)") }
    let effect = oneWindow.policy.changeEffect(of: change.changedFields)
    if let name = change.name {
      certificates.business.name = name
      certificates.food.operatorName = name
    }
    if let name = change.operatorName {
      certificates.business.operatorName = name
      certificates.food.responsible = name
    }
    // The food licence states a 住所 (the operator's residence); the business licence does not.
    if let residence = change.residence { certificates.food.residence = residence }
    if let form = change.compositionForm { certificates.business.compositionForm = form }
    if let scope = change.scope { certificates.business.scope = scope }
    if let items = change.items {
      certificates.food.items = items
      certificates.food.itemsText = change.itemsText ?? certificates.food.itemsText
    }
    var newFoodNumber: String?
    if let premises = change.premises {
      let text = try premisesText(premises, in: transaction)
      certificates.business.premises = text
      certificates.food.premises = text
      if oneWindow.policy.premisesChangeNeedsNewFoodLicence {
        let number = try nextFoodLicenceNumber(category: certificates.food.category, in: transaction)
        try transaction.recordIssuedNumber(number, kind: "FOOD_LICENCE", bundleNumber: row.number, on: today.description)
        newFoodNumber = number
        certificates.food.number = number
        certificates.food.validFrom = today
        certificates.food.validUntil = today.adding(years: oneWindow.policy.foodLicenceValidityYears).adding(days: -1)
      }
      try transaction.endTenancies(bundleNumber: licence.bundleNumber, on: today.description)
      try transaction.setTenancyIdentity(bundleNumber: row.number, identity: licence.uscc)
    }
    try saveLicence(certificates, bundleNumber: row.number, in: transaction)
    row.foodLicence = certificates.food.number
    if effect.businessLicence {
      issuance.business = certificates.business
      issuance.businessReplaces = true
    }
    if effect.foodLicence || newFoodNumber != nil {
      issuance.food = certificates.food
      issuance.foodReplaces = licence.foodLicenceNumber
    }
    operation.licences = Receipt.IssuedLicences(
      uscc: effect.businessLicence ? licence.uscc : nil, foodLicenceNumber: issuance.food?.number)
  }

  private func issueCancellation(
    uscc: String, row: BundleRow, issuance: inout IssuancePacket, in transaction: RegistryTransaction,
    operation: inout Operation
  ) throws {
    let today = operation.clock.today
    guard let licence = try transaction.licenceRow(uscc: uscc),
      var certificates = try? JSONDecoder().decode(LicenceCertificates.self, from: Data(licence.details.utf8))
    else { throw Self.inconsistent("no certificates on record for \(uscc)") }
    certificates.endedOn = today
    try saveLicence(certificates, bundleNumber: licence.bundleNumber, active: false, in: transaction)
    try transaction.endTenancies(bundleNumber: licence.bundleNumber, on: today.description)
    for bundle in try transaction.bundles() where bundle.uscc == licence.uscc {
      try transaction.endTenancies(bundleNumber: bundle.number, on: today.description)
    }
    issuance.cancellation = (uscc: licence.uscc, foodLicenceNumber: licence.foodLicenceNumber, endedOn: today)
    operation.licences = Receipt.IssuedLicences(uscc: licence.uscc, foodLicenceNumber: licence.foodLicenceNumber)
    operation.log("licence.food-ended", row.number, "food=\(licence.foodLicenceNumber)")
    operation.log("licence.business-ended", row.number, "uscc=\(licence.uscc)")
  }

  // MARK: - Numbers

  /// The next 个体工商户 USCC: 92 + division + `MA` and six characters of the USCC alphabet from a
  /// counter, with both check characters; skips any number already on record.
  func nextUSCC(in transaction: RegistryTransaction) throws -> String {
    let policy = oneWindow.policy
    let alphabet = UnifiedSocialCreditCode.alphabet
    let width = 8 - policy.usccBodyPrefix.count
    while true {
      var value = try transaction.nextValue("USCC-92\(policy.divisionCode)")
      var digits: [Character] = []
      for _ in 0..<width {
        digits.append(alphabet[value % alphabet.count])
        value /= alphabet.count
      }
      guard value == 0,
        let code = UnifiedSocialCreditCode.make(
          department: "92", division: policy.divisionCode, body: policy.usccBodyPrefix + String(digits.reversed()))
      else { throw Self.inconsistent("the USCC body counter is exhausted") }
      if try !transaction.licenceNumberExists(code) { return code }
    }
  }

  /// The next JY number for a category (the policy's digit), with its MOD 11,10 check.
  func nextFoodLicenceNumber(category: OperatorCategory, in transaction: RegistryTransaction) throws -> String {
    let policy = oneWindow.policy
    guard let digit = policy.foodLicenceCategoryDigit(for: category) else {
      throw Self.inconsistent("the policy has no JY category digit for \(category.rawValue)")
    }
    while true {
      let sequence = try transaction.nextValue("JY-\(policy.divisionCode)")
      guard let number = FoodLicenceNumber.make(category: digit, division: policy.divisionCode, sequence: sequence) else {
        throw Self.inconsistent("the JY sequence of \(policy.divisionCode) is exhausted")
      }
      if try !transaction.licenceNumberExists(number) { return number }
    }
  }

  // MARK: - Helpers

  private func saveLicence(
    _ certificates: LicenceCertificates, bundleNumber: String, active: Bool = true, in transaction: RegistryTransaction
  ) throws {
    let details = String(decoding: try JSONEncoder().encode(certificates), as: UTF8.self)
    try transaction.upsertLicence(
      LicenceRow(
        uscc: certificates.business.uscc, foodLicenceNumber: certificates.food.number, active: active,
        name: certificates.business.name, operatorName: certificates.business.operatorName,
        operatorIdentity: try transaction.licenceRow(uscc: certificates.business.uscc)?.operatorIdentity
          ?? (try transaction.bundle(reference: bundleNumber)?.operatorIdentity ?? ""),
        foodItems: certificates.food.items.map(\.rawValue).joined(separator: ","), premises: certificates.business.premises,
        bundleNumber: bundleNumber, registeredOn: certificates.business.registeredOn.description,
        foodValidFrom: certificates.food.validFrom.description, foodValidUntil: certificates.food.validUntil.description,
        endedOn: certificates.endedOn?.description, details: details))
  }

  /// The premises as printed: a pre-filed unit's building address and room, or the declared address.
  func premisesText(_ premises: IssuanceBasis.Premises, in transaction: RegistryTransaction) throws -> String {
    switch premises {
    case .preFiled(let number, let unitRef):
      guard let preFiling = try transaction.preFiling(reference: number) else { return "\(number) \(unitRef)" }
      let room = try transaction.unit(preFilingID: preFiling.id, unitID: unitRef)?.room ?? unitRef
      return preFiling.address + room
    case .declared(let address):
      return address
    }
  }

  /// Parses a stored packet again (schema only; it was checked when it was received).
  func parse(_ bytes: [UInt8], name: String) throws -> Packet {
    let checker = try PacketChecker(
      schemas: oneWindow.schemas, policy: oneWindow.policy, options: ValidationOptions(computeHashes: false),
      definitions: oneWindow.bundleDefinitions)
    guard let parsed = checker.check(bytes: bytes, name: name, runRules: false).parsed else {
      throw Self.inconsistent("the stored packet \(name) no longer parses")
    }
    return parsed.packet
  }
}

/// The `Issuance` packet of a bundle (valid against `Schemas/issuance/Issuance-v1.xsd`).
struct IssuancePacket {
  var bundleNumber: String
  var kind: BundleKind
  var acceptedOn: CivilDate
  var dueOn: CivilDate
  var issuedOn: CivilDate
  var workingDaysTaken: Int
  var dueProvisional = false
  var workingDaysProvisional = false
  var authority: String
  var createdAt: String
  var business: BusinessLicenceFace?
  var businessReplaces = false
  var food: FoodLicenceFace?
  var foodReplaces: String?
  var cancellation: (uscc: String, foodLicenceNumber: String, endedOn: CivilDate)?
  /// The certificates of a bundle of another definition.
  var permits: (definition: String, faces: [PermitFace])?

  /// One certificate of another definition as the `Issuance` packet states it.
  struct PermitFace {
    var track: Track
    /// `ISSUED`, `CHANGED` or `ENDED`.
    var action: String
    var number: String
    var title: String
    var department: String
    var holder: String
    var subject: String
    var place: String
    var validFrom: String
    var validUntil: String?
    var endedOn: String?
  }

  var received: ReceivedPacket {
    var out = XMLWriter()
    out.open("Issuance", attributes: ["xmlns": "urn:onewindow:issuance:v1"])
    out.open("Header")
    out.element("PacketId", "IS-\(bundleNumber)")
    out.element("SchemaVersion", PacketHeader.schemaVersion)
    out.element("CreatedAt", createdAt)
    out.close("Header")
    out.element("BundleNumber", bundleNumber)
    out.element("Kind", kind.rawValue)
    out.element("AcceptedOn", acceptedOn.description)
    out.element("DueOn", dueOn.description, attributes: dueProvisional ? ["provisional": "true"] : [:])
    out.element("IssuedOn", issuedOn.description)
    out.element(
      "WorkingDaysTaken", String(workingDaysTaken), attributes: workingDaysProvisional ? ["provisional": "true"] : [:])
    out.element("IssuingAuthority", authority)
    if let business {
      out.open("BusinessLicence")
      out.element("USCC", business.uscc)
      out.element("Name", business.name)
      out.element("Operator", business.operatorName)
      out.element("CompositionForm", business.compositionForm.rawValue)
      out.element("Premises", business.premises)
      out.element("BusinessScope", business.scope)
      out.element("RegisteredOn", business.registeredOn.description)
      if businessReplaces { out.element("Replaces", "true") }
      out.close("BusinessLicence")
    }
    if let food {
      out.open("FoodLicence")
      out.element("Number", food.number)
      out.element("OperatorName", food.operatorName)
      out.element("USCC", food.uscc)
      out.element("Responsible", food.responsible)
      out.element("Residence", food.residence)
      out.element("Premises", food.premises)
      out.element("OperatorCategory", food.category.rawValue)
      for note in food.categoryNotes ?? [] { out.element("CategoryNote", note.rawValue) }
      out.element("Items", food.itemsText)
      out.element("ValidFrom", food.validFrom.description)
      out.element("ValidUntil", food.validUntil.description)
      if let foodReplaces { out.element("Replaces", foodReplaces) }
      out.close("FoodLicence")
    }
    if let cancellation {
      out.open("Cancellation")
      out.element("FoodLicenceEndedOn", cancellation.endedOn.description)
      out.element("BusinessLicenceEndedOn", cancellation.endedOn.description)
      out.element("USCC", cancellation.uscc)
      out.element("FoodLicenceNumber", cancellation.foodLicenceNumber)
      out.close("Cancellation")
    }
    if let permits {
      out.open("Permits", attributes: ["definition": permits.definition])
      for face in permits.faces {
        out.open("Permit", attributes: ["track": face.track.rawValue, "action": face.action])
        out.element("Number", face.number)
        out.element("Title", face.title)
        out.element("Department", face.department)
        out.element("Holder", face.holder)
        out.element("Subject", face.subject)
        out.element("Place", face.place)
        out.element("ValidFrom", face.validFrom)
        if let validUntil = face.validUntil { out.element("ValidUntil", validUntil) }
        if let endedOn = face.endedOn { out.element("EndedOn", endedOn) }
        out.close("Permit")
      }
      out.close("Permits")
    }
    out.close("Issuance")
    let bytes = Array(out.text.utf8)
    return ReceivedPacket.generated(bytes, name: "issuance:\(bundleNumber)")
  }
}
