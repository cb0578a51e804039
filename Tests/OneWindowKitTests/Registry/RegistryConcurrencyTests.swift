import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Races on one record, from two connections to one file (as two windows or processes): the
/// re-check inside each write transaction lets exactly one win, and the loser is refused by the
/// same rule id a sequential attempt would get.
struct RegistryConcurrencyTests {
  let on = RegistryHarness.on

  @Test(arguments: StoreBackend.allCases) func twoClerksApprovingAtOnceCannotBothSucceed(_ backend: StoreBackend) async throws {
    let harness = try RegistryHarness(backend, onDisk: true)
    let other = try harness.reopened()
    let submitted = try await harness.registry.submitPreFiling(
      RegistryHarness.source(Taixingli.preFiling), by: Taixingli.owner, clock: on("2026-03-02"))
    let clerks = (1...8).map { Actor.clerk("02\(40 + $0)") }
    let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
      for (index, clerk) in clerks.enumerated() {
        let registry = index.isMultiple(of: 2) ? harness.registry : other
        group.addTask { try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: clerk, clock: on("2026-03-04")) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    let accepted = receipts.filter { $0.outcome == .accepted }
    #expect(accepted.count == 1)
    #expect(accepted.first?.subject == Taixingli.number)
    for refused in receipts where refused.outcome != .accepted {
      #expect(refused.findings.map(\.ruleID.rawValue) == ["RG-003"])
    }
    #expect(Set(receipts.map(\.number)).count == clerks.count)
    // One number used, one approval on record, the chain intact.
    let detail = try await #require(try other.preFiling(submitted.number, asOf: on("2026-03-04").today))
    #expect(detail.summary.number == Taixingli.number)
    #expect(detail.history.filter { $0.action == "prefiling.approved" }.count == 1)
    await #expect(try harness.registry.verifyAudit().isIntact)
  }

  @Test(arguments: StoreBackend.allCases) func theLastPlaceOfAUnitCannotBeTakenTwice(_ backend: StoreBackend) async throws {
    let harness = try RegistryHarness(backend, onDisk: true)
    let other = try harness.reopened()
    try await Taixingli.approved(in: harness.registry)
    // U-101 holds one entity; six applicants race for it with distinct packets.
    let packets = try (1...6).map { index in
      try RegistryHarness.source(
        "SampleFilings/valid/registration/taixingli-u101-dumpling-house.xml",
        replacing: [("<PacketId>", "<PacketId>RACE-\(index)-")])
    }
    let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
      for (index, packet) in packets.enumerated() {
        let registry = index.isMultiple(of: 2) ? harness.registry : other
        group.addTask { try await registry.register(packet, by: Taixingli.entryClerk, clock: on("2026-04-20")) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(receipts.filter { $0.outcome == .accepted }.count == 1)
    for refused in receipts where refused.outcome != .accepted {
      #expect(refused.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["TR-004"])
      #expect(refused.findings.first { $0.ruleID == "TR-004" }?.location.line == 10)
    }
    let detail = try await #require(try other.preFiling(Taixingli.number, asOf: on("2026-04-20").today))
    #expect(detail.units.first { $0.id == "U-101" }?.occupied == 1)
    #expect(detail.tenancies.count == 1)
    await #expect(try harness.registry.verifyAudit().isIntact)
  }

  @Test(arguments: StoreBackend.allCases) func receiptNumbersStayUniqueUnderLoad(_ backend: StoreBackend) async throws {
    let harness = try RegistryHarness(backend, onDisk: true)
    let other = try harness.reopened()
    let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
      for index in 0..<40 {
        let registry = index.isMultiple(of: 2) ? harness.registry : other
        group.addTask {
          try await registry.reviewPreFiling("RCPT-20260302-999999", decision: .approve(), by: .clerk("0231"), clock: on("2026-03-02"))
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(receipts.map(\.number).sorted() == (1...40).map { "RCPT-20260302-" + String(format: "%06d", $0) })
    #expect(receipts.map(\.auditSequence).sorted() == Array(1...40))
    await #expect(try harness.registry.verifyAudit().isIntact)
  }
}
