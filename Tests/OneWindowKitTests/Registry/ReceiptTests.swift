import OneWindowCore
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Receipts: valid Receipt packets, numbered per day, kept in the registry exactly as issued.
struct ReceiptTests {
  let on = RegistryHarness.on

  private func schemaErrors(_ receipt: Receipt) -> [String] {
    let report = RegistryHarness.oneWindow.validate(bytes: Array(receipt.xml.utf8), name: receipt.number + ".xml")
    #expect(report.family == "receipt")
    return report.findings.filter { $0.severity == .error }.map { "\($0.ruleID) \($0.message.en)" }
  }

  @Test(arguments: StoreBackend.allCases) func everyKindOfReceiptIsAValidReceiptPacket(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let (submitted, approved) = try await Taixingli.approved(in: registry)
    let registered = try await registry.register(RegistryHarness.source(Taixingli.zhanqiaoU201), by: Taixingli.entryClerk, clock: on("2026-04-08"))
    let refused = try await registry.register(
      RegistryHarness.source("SampleFilings/invalid/registration/missing-signature.xml"), by: Taixingli.entryClerk, clock: on("2026-06-08"))
    #expect(refused.outcome == .rejected)
    for receipt in [submitted, approved, registered, refused] {
      #expect(schemaErrors(receipt).isEmpty, "\(receipt.number)")
    }
    #expect(registered.xml.contains("<MaterialsSaved>\n    <Count>3</Count>\n    <Percent>75.0</Percent>\n  </MaterialsSaved>"))
    #expect(approved.xml.contains("<PreFilingNumber>YBA-370202-2026-000001</PreFilingNumber>"))
    #expect(refused.xml.contains("<RuleId>XSD-1871</RuleId>"))
  }

  @Test(arguments: StoreBackend.allCases) func numbersRunPerDayAndTheRegistryKeepsEachReceiptAsIssued(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    let (submitted, approved) = try await Taixingli.approved(in: registry)
    let later = try await registry.reviewPreFiling(submitted.number, decision: .approve(), by: .clerk("0233"), clock: on("2026-03-04"))
    #expect([submitted.number, approved.number, later.number] == ["RCPT-20260302-000001", "RCPT-20260304-000001", "RCPT-20260304-000002"])
    #expect([submitted.auditSequence, approved.auditSequence, later.auditSequence] == [1, 2, 3])
    for receipt in [submitted, approved, later] { await #expect(try registry.receipt(receipt.number) == receipt) }
    await #expect(try registry.receipt("RCPT-20260304-000009") == nil)
  }

  @Test(arguments: StoreBackend.allCases) func theSavedMaterialsCountTheUnitsProofSet(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    // U-101's proof P-1 (shared with U-102) + declaration + owner's licence + lease = 4; the
    // dumpling house handed in its agreement and its own licence (not a premises paper).
    let receipt = try await registry.register(
      RegistryHarness.source("SampleFilings/valid/registration/taixingli-u101-dumpling-house.xml"), by: Taixingli.entryClerk,
      clock: on("2026-04-20"))
    #expect(receipt.materialsSaved == Receipt.MaterialsSaved(count: 3, percent: 75, fullSet: 4))
  }
}

extension ReceiptTests {
  /// A refused packet quoting a 3,000-digit value: the receipt cuts the finding's text to the
  /// schema's 2,000 characters and stays a valid Receipt packet (found by the fuzz invariants).
  @Test(arguments: StoreBackend.allCases) func aRefusalQuotingAnOverlongValueIsStillAValidReceipt(_ backend: StoreBackend) async throws {
    let registry = try RegistryHarness(backend).registry
    try await Taixingli.approved(in: registry)
    let refused = try await registry.register(
      RegistryHarness.source(
        Taixingli.zhanqiaoU201,
        replacing: [("<USCC>91370202MA3C5Y7R9D</USCC>", "<USCC>" + String(repeating: "9", count: 3000) + "</USCC>")]),
      by: Taixingli.entryClerk, clock: on("2026-04-08"))
    #expect(refused.outcome == .rejected)
    #expect(refused.findings.map(\.ruleID.rawValue).contains("XSD-1839"))
    #expect(schemaErrors(refused).isEmpty)
    let message = try #require(refused.findings.first { $0.ruleID == "XSD-1839" }?.message.en)
    #expect(message.unicodeScalars.count > 3000)
    #expect(refused.xml.contains(String(message.unicodeScalars.prefix(1999)) + "…</MessageEn>"))
  }
}
