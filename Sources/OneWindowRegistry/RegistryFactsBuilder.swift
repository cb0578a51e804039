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
