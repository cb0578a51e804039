import OneWindowKit
import Testing

/// Citations name the article that says what the rule checks (issue 14, item 8), and rules no
/// article requires say "bureau policy" instead of borrowing one.
struct CitationTests {
  static func basis(_ id: String) -> String {
    RuleRegistry.entries.first { $0.rule.id.rawValue == id }?.rule.legalBasis.zh ?? ""
  }

  @Test(arguments: [
    // Jurisdiction: 细则 art 10 and 18(4), 许可法 32(1)(ii), not 条例 art 11 (one address per entity).
    ("ID-007", "《市场主体登记管理条例实施细则》第十条、第十八条第四款"),
    // Area and use are what the real-estate register records (art 8), not art 21.
    ("PF-002", "《不动产登记暂行条例》第八条第一款、第三款第（一）项"),
    ("PF-003", "《不动产登记暂行条例》第八条第一款、第三款第（一）项"),
    ("PF-009", "《不动产登记暂行条例》第二十一条第二款"),
    // A per-address capacity rests on art 11(3) and Qingdao's rules.
    ("TR-004", "《市场主体登记管理条例》第十一条第三款"),
    ("PF-006", "《市场主体登记管理条例》第十一条第三款"),
    // Two inspectors: 许可法 art 34(3).
    ("RD-002", "《中华人民共和国行政许可法》第三十四条第三款"),
    ("RG-006", "《中华人民共和国行政许可法》第三十二条第一款第（四）项、第（五）项"),
  ])
  func citesTheArticleThatSaysIt(id: String, citation: String) {
    #expect(Self.basis(id).contains(citation), "\(id): \(Self.basis(id))")
  }

  @Test(arguments: ["RG-001", "RG-002", "RG-003", "RG-004", "RG-007", "RD-003", "AM-001", "AM-002", "AM-003", "AM-004", "AM-005"])
  func rulesNoArticleRequiresSaySo(id: String) {
    #expect(Self.basis(id).hasPrefix("本局工作规则（非法定条款）"), "\(id): \(Self.basis(id))")
    let english = RuleRegistry.entries.first { $0.rule.id.rawValue == id }?.rule.legalBasis.en ?? ""
    #expect(english.hasPrefix("Bureau policy (no statutory article)"), "\(id): \(english)")
  }

  @Test func noRuleCitesTheWrongArticles() {
    for entry in RuleRegistry.entries {
      let basis = entry.rule.legalBasis.zh
      #expect(!basis.contains("《不动产登记暂行条例实施细则》第十五条"), "\(entry.rule.id)")
      #expect(!basis.contains("《中华人民共和国食品安全法》第四十四条"), "\(entry.rule.id)")
      #expect(!basis.contains("《市场主体登记管理条例》第十一条；"), "\(entry.rule.id)")
    }
  }
}
