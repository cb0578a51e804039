public import OneWindowKit

/// Registry facts matching the sample corpus, for rule tests that need a registry.
public enum RegistryFixtures {
  public static let taixingliNumber = "YBA-370202-2026-000001"
  public static let sanjiangliNumber = "YBA-370202-2026-000002"

  /// 太兴里 as approved on 2026-03-04 for three years, with its units.
  public static func taixingli(
    status: PreFilingStatus = .active, validUntil: CivilDate = CivilDate(year: 2029, month: 3, day: 3)!,
    tenancies: [String: Int] = [:], retired: Set<String> = []
  ) -> PreFilingRecord {
    var units: [String: RegisteredUnit] = [
      "U-101": RegisteredUnit(id: "U-101", plannedUse: .commercial, capacity: 1, area: 38.5, features: [.streetEntrance, .smokeFlue]),
      "U-102": RegisteredUnit(id: "U-102", plannedUse: .commercial, capacity: 1, area: 42),
      "U-201": RegisteredUnit(id: "U-201", plannedUse: .office, capacity: 3, area: 65.3),
    ]
    for (id, count) in tenancies { units[id]?.activeTenancies = count }
    for id in retired { units[id]?.retired = true }
    return PreFilingRecord(
      number: taixingliNumber, status: status, validFrom: CivilDate(year: 2026, month: 3, day: 4),
      validUntil: validUntil, ownerName: "青岛市市南区历史街区保护更新有限公司",
      ownerIdentity: "91370202MA3C5Y7R9D", units: units, proofIDs: ["P-1", "P-2"],
      multiLicenceMode: .sharedOffice)
  }

  /// 三江里, whose unit A-1 houses 天晟吉祥 and B-1 is residential with consent.
  public static func sanjiangli(consentOnB1: Bool = true, tenancies: [String: Int] = [:]) -> PreFilingRecord {
    var units: [String: RegisteredUnit] = [
      "A-1": RegisteredUnit(id: "A-1", plannedUse: .commercial, capacity: 1, area: 52.4, features: [.streetEntrance, .smokeFlue, .greaseTrap]),
      "A-2": RegisteredUnit(id: "A-2", plannedUse: .commercial, capacity: 1, area: 47.8),
      "B-1": RegisteredUnit(id: "B-1", plannedUse: .residential, capacity: 1, area: 36.2, hasResidentialConsent: consentOnB1),
    ]
    for (id, count) in tenancies { units[id]?.activeTenancies = count }
    return PreFilingRecord(
      number: sanjiangliNumber, status: .active, validFrom: CivilDate(year: 2026, month: 3, day: 12),
      validUntil: CivilDate(year: 2029, month: 3, day: 11), ownerName: "青岛三江里文化旅游发展有限公司",
      ownerIdentity: "91370202MA3D8K2Q87", units: units, proofIDs: ["P-1", "P-2"], multiLicenceMode: MultiLicenceMode.none)
  }

  /// 天晟吉祥's licences as issued on 2026-04-24.
  public static func tianshengjixiang(active: Bool = true) -> LicenceRecord {
    LicenceRecord(
      uscc: "92370202MA7HK3P289", foodLicenceNumber: "JY23702020003187", active: active,
      name: "市南区天晟吉祥烤鸭店", operatorName: "王建国", operatorIdentity: "370202197805122312",
      foodItems: [.hotFood], premisesSummary: "三江里 A-1", bundleNumber: "YJS-370202-2026-000001")
  }

  public static func facts(_ preFilings: PreFilingRecord..., licences: [LicenceRecord] = []) -> RegistryFacts {
    RegistryFacts(
      preFilings: Dictionary(preFilings.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first }),
      licences: Dictionary(licences.map { ($0.uscc, $0) }, uniquingKeysWith: { first, _ in first }))
  }
}
