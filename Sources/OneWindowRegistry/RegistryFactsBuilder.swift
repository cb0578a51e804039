import OneWindowCore
import OneWindowStore

/// Reads, inside a transaction, the registry facts a packet refers to.
enum RegistryFactsBuilder {
  static func facts(for packet: Packet, asOf: CivilDate, in transaction: RegistryTransaction) throws -> RegistryFacts {
    var facts = RegistryFacts()
    var numbers: [(String, String?)] = []  // pre-filing number, unit whose tenancies matter
    switch packet {
    case .amendment(let amendment):
      numbers.append((amendment.preFilingNumber, nil))
    case .withdrawal(let withdrawal):
      numbers.append((withdrawal.preFilingNumber, nil))
    default:
      if let use = packet.preFiledUse { numbers.append((use.preFilingNumber, use.unitRef)) }
    }
    // A corrected resubmission of a bundle keeps the place the bundle already holds.
    var correcting: String?
    if let resubmits = packet.header?.resubmits, let subject = try transaction.receipt(resubmits)?.subject,
      let bundle = try transaction.bundle(reference: subject), bundle.status == BundleStatus.correctionRequested.rawValue
    {
      correcting = bundle.number
    }
    var retiring: Set<String> = []
    if case .amendment(let amendment) = packet { retiring = Set(amendment.retireUnits.map(\.unitRef)) }
    for (number, unit) in numbers {
      guard let row = try transaction.preFiling(reference: number), row.number == number else { continue }
      var counted = retiring
      if let unit { counted.insert(unit) }
      facts.preFilings[number] = try record(
        row, asOf: asOf, countingUnits: counted, excludingBundle: correcting, in: transaction)
    }
    try overlaps(for: packet, asOf: asOf, into: &facts, in: transaction)
    for uscc in licenceReferences(packet) {
      if let licence = try transaction.licence(uscc: uscc) { facts.licences[uscc] = licence }
    }
    if case .decision(let decision) = packet, case .bundleTrack(let number, _) = decision.subject,
      let row = try transaction.bundle(reference: number)
    {
      let tracks = try transaction.tracks(bundleID: row.id).compactMap { Track(rawValue: $0.track) }
      facts.bundles[number] = BundleRecord(
        number: row.number, kind: BundleKind(rawValue: row.kind) ?? .opening, tracks: Set(tracks),
        inspectionRequired: row.inspectionNeeded)
    }
    return facts
  }

  /// What the one-building-one-pre-filing and one-shop-one-licence-pair rules compare: other
  /// live pre-filings holding the same proofs or units, other live openings of the same
  /// operator, premises or name. Each is an index search.
  static func overlaps(for packet: Packet, asOf: CivilDate, into facts: inout RegistryFacts, in transaction: RegistryTransaction)
    throws
  {
    var proofs: [PropertyProof] = []
    var units: [OneWindowCore.Unit] = []
    var address: String?
    var own: Set<Int64> = []
    switch packet {
    case .preFiling(let filing):
      (proofs, units, address) = (filing.proofs, filing.units, filing.premises.address.singleLine)
      // A corrected resubmission is not a duplicate of the filing it corrects.
      if let resubmits = filing.header.resubmits, let subject = try transaction.receipt(resubmits)?.subject,
        let corrected = try transaction.preFiling(reference: subject)
      {
        own.insert(corrected.id)
      }
    case .amendment(let amendment):
      guard let row = try transaction.preFiling(reference: amendment.preFilingNumber) else { return }
      (proofs, units, address) = (amendment.addProofs + amendment.replaceProofs.map(\.proof), amendment.addUnits, row.address)
      own.insert(row.id)
    case .opening(let opening):
      let core = opening.core
      // A corrected resubmission is not a second shop: leave out the bundle it corrects.
      var corrected: String?
      if let resubmits = opening.header.resubmits, let subject = try transaction.receipt(resubmits)?.subject {
        corrected = try transaction.bundle(reference: subject)?.number
      }
      let candidates = try transaction.liveBundles(
        operatorIdentity: core.operatorInfo.document.number, businessName: core.name.fullName, premisesKey: core.premises.key,
        tradeName: core.name.tradeName, industry: core.name.industry)
      for row in candidates where row.number != corrected {
        // An issued shop whose licences have ended no longer holds its name or premises.
        if row.status == "issued", let uscc = row.uscc, let licence = try transaction.licence(uscc: uscc), !licence.active {
          continue
        }
        facts.relatedBundles.append(
          RelatedBundle(
            number: row.number, operatorIdentity: row.operatorIdentity, businessName: row.businessName,
            premisesKey: row.premisesKey, tradeName: row.tradeName, industry: row.industry, status: row.status))
      }
      return
    default:
      return
    }
    let day = asOf.description
    for proof in proofs where !proof.number.isEmpty {
      let holders = try transaction.preFilingsHoldingProof(number: proof.number, issuer: proof.issuer, asOf: day)
        .filter { !own.contains($0.preFiling.id) }.map { $0.preFiling.number ?? $0.preFiling.submittedReceipt }
      if !holders.isEmpty { facts.proofHolders[proof.number] = Array(Set(holders)).sorted() }
    }
    guard let address else { return }
    for unit in units {
      let holders = try transaction.preFilingsHoldingUnit(address: address, floor: unit.floor, room: unit.room, asOf: day)
        .filter { !own.contains($0.preFiling.id) }.map { $0.preFiling.number ?? $0.preFiling.submittedReceipt }
      if !holders.isEmpty { facts.unitHolders[unit.placeKey] = Array(Set(holders)).sorted() }
    }
  }

  /// The USCCs whose licences a packet refers to.
  static func licenceReferences(_ packet: Packet) -> [String] {
    switch packet {
    case .change(let change): [change.current.uscc]
    case .cancellation(let cancellation): [cancellation.current.uscc]
    default: []
    }
  }

  /// A pre-filing's current version as rule facts; tenancies counted only for `countingUnits`
  /// (one index lookup each, whatever the size of the registry).
  static func record(
    _ row: PreFilingRow, asOf: CivilDate, countingUnits: Set<String>, excludingBundle: String? = nil,
    in transaction: RegistryTransaction
  ) throws -> PreFilingRecord {
    var units: [String: RegisteredUnit] = [:]
    for unit in try transaction.units(preFilingID: row.id) {
      var registered = RegisteredUnit(
        id: unit.unitID, plannedUse: PlannedUse(rawValue: unit.plannedUse) ?? .other, capacity: unit.capacity,
        area: unit.area, features: Set(unit.features.split(separator: ",").compactMap { UnitFeature(rawValue: String($0)) }),
        retired: unit.retiredIn != nil, hasResidentialConsent: unit.hasConsent)
      if countingUnits.contains(unit.unitID) {
        registered.activeTenancies = try transaction.activeTenancyCount(
          preFilingID: row.id, unitID: unit.unitID, on: asOf.description, excludingBundle: excludingBundle)
      }
      units[unit.unitID] = registered
    }
    let proofs = try transaction.proofs(preFilingID: row.id).filter { $0.replacedIn == nil }.map(\.proofID)
    return PreFilingRecord(
      number: row.number ?? row.submittedReceipt, status: PreFilingStatus(rawValue: row.status) ?? .submitted,
      validFrom: row.validFrom.flatMap { CivilDate($0) }, validUntil: row.validUntil.flatMap { CivilDate($0) },
      ownerName: row.ownerName, ownerIdentity: row.ownerIdentity, units: units, proofIDs: Set(proofs),
      multiLicenceMode: row.multiLicenceMode.flatMap(MultiLicenceMode.init))
  }
}
