import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Licence numbers are never issued twice, also when clerks at two windows issue at once.
struct IssuanceConcurrencyTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func concurrentIssuancesGetDistinctValidNumbers(_ backend: StoreBackend) async throws {
    let harness = try RegistryHarness(backend, onDisk: true)
    let other = try harness.reopened()
    let registry = harness.registry
    let count = 8
    var numbers: [String] = []
    for index in 1...count {
      let accepted = try await registry.submitBundle(
        try TianShengJiXiang.muzidaweiShop(index), by: .applicant("370203199008231423"), clock: on("2026-05-13"))
      numbers.append(try #require(accepted.subject, "\(accepted.findings)"))
    }
    for number in numbers {
      _ = try await registry.decideTrack(number, track: .business, decision: .approve(), by: .clerk("0231"), clock: on("2026-05-14"))
      _ = try await registry.decideTrack(
        number, track: .food,
        decision: .approve(inspection: InspectionRecord(inspectedOn: CivilDate("2026-05-14")!, inspectors: ["0301", "0302"])),
        by: .clerk("0233"), clock: on("2026-05-14"))
    }
    let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
      for (index, number) in numbers.enumerated() {
        let window = index.isMultiple(of: 2) ? registry : other
        group.addTask { try await window.issueBundle(number, by: .clerk("0231"), clock: on("2026-05-15")) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(receipts.allSatisfy { $0.outcome == .accepted })
    let usccs = receipts.compactMap { $0.licences?.uscc }
    let foodNumbers = receipts.compactMap { $0.licences?.foodLicenceNumber }
    #expect(Set(usccs).count == count)
    #expect(Set(foodNumbers).count == count)
    #expect(usccs.allSatisfy { UnifiedSocialCreditCode.hasValidCheckCharacter($0) && UnifiedSocialCreditCode.hasValidOrganisationCode($0) })
    #expect(usccs.allSatisfy { $0.hasPrefix("92370202MA") })
    #expect(foodNumbers.allSatisfy { FoodLicenceNumber.hasValidCheckDigit($0) && $0.hasPrefix("JY2370202") })
    #expect(Set(foodNumbers) == Set((1...count).compactMap { FoodLicenceNumber.make(category: "2", division: "370202", sequence: $0) }))
    // Issuing one again is refused by state, and no number moves.
    let again = try await other.issueBundle(numbers[0], by: .clerk("0231"), clock: on("2026-05-15"))
    #expect(again.findings.map(\.ruleID.rawValue) == ["RG-003"])
    let verification = try await registry.verifyAudit()
    #expect(verification.isIntact, "\(verification.problems.map(\.description))")
  }
}
