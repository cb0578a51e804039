import OneWindowCore
import Testing

struct FindingTests {
  private func finding(_ id: RuleID, _ severity: Severity, line: Int? = nil, file: String = "a.xml") -> Finding {
    Finding(
      ruleID: id, severity: severity, category: .schema, message: LocalizedText(zh: "甲", en: "a"),
      location: SourceLocation(file: file, line: line))
  }

  @Test func recognisesRuleShapedIds() {
    #expect(RuleID("FL-004").isRuleShaped)
    #expect(RuleID("DOC-001").isRuleShaped)
    #expect(RuleID("ABCD-999").isRuleShaped)
    #expect(!RuleID("XSD-1871").isRuleShaped)
    #expect(!RuleID("F-001").isRuleShaped)
    #expect(!RuleID("fl-004").isRuleShaped)
    #expect(!RuleID("FL-04").isRuleShaped)
  }

  @Test func ordersIdsByPrefixThenNumber() {
    let ids: [RuleID] = ["XSD-1871", "XML-9", "XSD-9", "BD-002", "XML-76"]
    #expect(ids.sorted().map(\.rawValue) == ["BD-002", "XML-9", "XML-76", "XSD-9", "XSD-1871"])
  }

  @Test func onlyErrorsReject() {
    #expect(Outcome.of([]) == .accepted)
    #expect(Outcome.of([finding("A-001", .warning), finding("A-002", .info)]) == .accepted)
    #expect(Outcome.of([finding("A-001", .warning)], strict: true) == .rejected)
    #expect(Outcome.of([finding("A-001", .info)], strict: true) == .accepted)
    #expect(Outcome.of([finding("A-001", .error)]) == .rejected)
  }

  @Test func sortsFindingsByFileLineAndId() {
    let findings = [
      finding("XSD-1871", .error, line: 9, file: "b.xml"), finding("PF-002", .error, line: 12),
      finding("PF-001", .error, line: 12), finding("XML-76", .error, line: 3),
    ]
    #expect(findings.sorted(by: Finding.reportOrder).map(\.ruleID.rawValue) == ["XML-76", "PF-001", "PF-002", "XSD-1871"])
  }
}
