import Foundation
public import OneWindowCore
import OneWindowStore
public import OneWindowValidation

/// A licence's standing, as anyone may check it: no identity numbers.
public struct LicenceStatus: Sendable, Hashable, Codable {
  public enum Standing: String, Sendable, Hashable, Codable {
    /// In force.
    case valid = "VALID"
    /// Replaced by a later certificate (a food licence renumbered on a change of premises).
    case changed = "CHANGED"
    /// Ended by a cancellation.
    case cancelled = "CANCELLED"
  }

  /// The number asked about: a 统一社会信用代码 or a JY number.
  public var number: String
  /// `USCC` or `FOOD_LICENCE`; for a certificate of another definition, its track (`PUBLICATION`).
  public var kind: String
  public var status: Standing
  /// The holder's registered name.
  public var name: String
  public var registeredOn: CivilDate?
  public var endedOn: CivilDate?
  /// For a replaced number: the number in force now.
  public var replacedBy: String?
}

/// A pre-filed unit with free places, as the public building search shows it: the building,
/// address and unit, never a person or a tenant.
public struct FreePlace: Sendable, Hashable, Codable {
  public var preFilingNumber: String
  public var building: String
  public var address: String
  public var unit: String
  public var floor: String
  public var room: String
  public var plannedUse: String
  public var capacity: Int
  public var placesLeft: Int
}

/// What the public building search filters by (all optional, substrings of the address).
public struct FreePlaceFilter: Sendable, Hashable {
  public var subdistrict: String?
  public var road: String?
  public var building: String?
  public var plannedUse: PlannedUse?

  public init(subdistrict: String? = nil, road: String? = nil, building: String? = nil, plannedUse: PlannedUse? = nil) {
    self.subdistrict = subdistrict
    self.road = road
    self.building = building
    self.plannedUse = plannedUse
  }
}

extension Registry {
  /// The standing of a USCC or a JY number; nil when OneWindow never issued or recorded it.
  public func licenceStatus(_ number: String) async throws(OneWindowError) -> LicenceStatus? {
    let wanted = Actor.normalized(number)
    return try await read { transaction -> LicenceStatus? in
      if wanted.hasPrefix("JY") {
        if let row = try transaction.licenceRow(foodLicenceNumber: wanted) {
          return Self.status(of: row, number: wanted, kind: "FOOD_LICENCE")
        }
        guard let issued = try transaction.issuedNumber(wanted),
          let bundle = try transaction.bundle(reference: issued.bundleNumber), let uscc = bundle.uscc,
          let current = try transaction.licenceRow(uscc: uscc)
        else { return nil }
        var status = Self.status(of: current, number: wanted, kind: "FOOD_LICENCE")
        if status.status == .valid { status.status = .changed }
        status.replacedBy = current.foodLicenceNumber
        return status
      }
      if let row = try transaction.licenceRow(uscc: wanted) { return Self.status(of: row, number: wanted, kind: "USCC") }
      // A certificate of another definition (a bookshop's publication licence, a hotel's
      // USCC…): its track, the name it was issued to, whether it still stands.
      guard let permit = try transaction.permit(number: number.trimmingCharacters(in: .whitespaces)) ?? transaction.permit(number: wanted)
      else { return nil }
      return LicenceStatus(
        number: permit.number, kind: permit.track, status: permit.active ? .valid : .cancelled, name: permit.subject,
        registeredOn: CivilDate(permit.validFrom), endedOn: permit.endedOn.flatMap { CivilDate($0) }, replacedBy: nil)
    }
  }

  static func status(of row: LicenceRow, number: String, kind: String) -> LicenceStatus {
    LicenceStatus(
      number: number, kind: kind, status: row.endedOn == nil && row.active ? .valid : .cancelled, name: row.name,
      registeredOn: CivilDate(row.registeredOn), endedOn: row.endedOn.flatMap { CivilDate($0) }, replacedBy: nil)
  }

  /// Units of pre-filings in force on `asOf` with places left, filtered; no personal data.
  public func freePlaces(asOf: CivilDate, filter: FreePlaceFilter = FreePlaceFilter()) async throws(OneWindowError) -> [FreePlace] {
    let active = try await preFilings(asOf: asOf, filter: PreFilingFilter(status: .active))
    var places: [FreePlace] = []
    for summary in active {
      if let subdistrict = filter.subdistrict, !summary.address.contains(subdistrict) { continue }
      if let road = filter.road, !summary.address.contains(road) { continue }
      if let building = filter.building, !summary.premisesName.contains(building) && !summary.address.contains(building) {
        continue
      }
      guard let number = summary.number, let detail = try await preFiling(number, asOf: asOf) else { continue }
      for unit in detail.units where unit.retiredIn == nil && unit.occupied < unit.capacity {
        if let use = filter.plannedUse, unit.plannedUse != use.rawValue { continue }
        places.append(
          FreePlace(
            preFilingNumber: number, building: summary.premisesName, address: summary.address, unit: unit.id,
            floor: unit.floor, room: unit.room, plannedUse: unit.plannedUse, capacity: unit.capacity,
            placesLeft: unit.capacity - unit.occupied))
      }
    }
    return places
  }
}
