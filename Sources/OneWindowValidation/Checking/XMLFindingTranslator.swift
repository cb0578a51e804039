import Foundation
import OneWindowCore
import OneWindowXML
import OneWindowRules

/// Turns libxml2 issues (and our input-policy refusals) into findings with Chinese messages.
///
/// Ids: `XML-<code>` for well-formedness, `XSD-<code>` for schema validity, and the `SEC-`,
/// `ENC-` ids of ``SystemRules`` for policy refusals. The English message is libxml2's original.
struct XMLFindingTranslator {
  /// Labels by element name, for messages that name other elements (expected children); read
  /// only when a message needs one, since the schema's label tables are built on first use.
  var labels: [String: String] { labelsByName() }
  private var labelsByName: () -> [String: String] = { [:] }
  /// Chinese label and format of the element an issue is about, found by its path.
  var labelForPath: (String) -> String? = { _ in nil }
  var englishLabelForPath: (String) -> String? = { _ in nil }
  var formatForPath: (String) -> String? = { _ in nil }
  var family: String?

  init(entry: SchemaEntry?) {
    if let entry { labelsByName = { entry.labelsByName } }
    family = entry?.family
    if let entry {
      labelForPath = { entry.label(forPath: $0) }
      englishLabelForPath = { entry.englishLabel(forPath: $0) }
      formatForPath = { entry.format(forPath: $0) }
    }
  }

  /// For tests: fixed tables by element name.
  init(labels: [String: String], formats: [String: String], family: String?) {
    labelsByName = { labels }
    self.family = family
    labelForPath = { path in path.split(separator: "/").last.flatMap { labels[String($0)] } }
    formatForPath = { path in path.split(separator: "/").last.flatMap { formats[String($0)] } }
  }

  func finding(for issue: XMLIssue, file: String) -> Finding {
    let location = SourceLocation(
      file: file, line: issue.line > 0 ? issue.line : nil,
      column: issue.stage == .parser && issue.column > 0 ? issue.column : nil, path: issue.path)
    switch issue.stage {
    case .policy:
      let rule = SystemRules.policyRule(for: PolicyViolation(rawValue: issue.code))
      return rule.finding(
        at: location, detail: LocalizedText(zh: rule.message.zh, en: issue.message),
        value: issue.value)
    case .parser:
      return Finding(
        ruleID: RuleID("XML-\(issue.code)"), severity: issue.level == .warning ? .warning : .error,
        category: .wellFormedness,
        message: LocalizedText(zh: chineseParserMessage(issue), en: issue.message),
        hint: SystemRules.wellFormednessHint, legalBasis: SystemRules.formatBasis,
        location: location, value: issue.value)
    case .schema, .schemaCompile:
      return Finding(
        ruleID: RuleID("XSD-\(issue.code)"), severity: issue.level == .warning ? .warning : .error,
        category: .schema,
        message: LocalizedText(zh: chineseSchemaMessage(issue), en: issue.message),
        hint: schemaHint(issue), legalBasis: SystemRules.schemaBasis(family: family),
        location: location, value: issue.value)
    }
  }

  // MARK: - Schema validity messages

  /// The fix hint for a schema finding, naming the field by its label (never its element name).
  func schemaHint(_ issue: XMLIssue) -> LocalizedText {
    let path = issue.path.map { path in path.split(separator: "/").filter { !$0.hasPrefix("@") }.joined(separator: "/") }
    guard let path, issue.details.attribute == nil, let label = labelForPath(path) else { return SystemRules.schemaHint }
    let format = formatForPath(path)
    return SystemRules.schemaHint(field: label, english: englishLabelForPath(path), format: format)
  }

  func chineseSchemaMessage(_ issue: XMLIssue) -> String {
    let details = issue.details
    let elementName = details.element
    let elementPath = issue.path.map { path in
      path.split(separator: "/").filter { !$0.hasPrefix("@") }.joined(separator: "/")
    }
    let element = elementName.map { describe($0, path: elementPath) } ?? "该元素"
    let attribute = details.attribute
    let subject = attribute.map { "\(element)的属性 \($0) " } ?? element
    let value = issue.value.map { " '\($0)' " } ?? ""
    let format = attribute == nil ? elementPath.flatMap(formatForPath) : nil
    let expected = format.map { "；应为\($0)" } ?? ""
    switch issue.code {
    case 1871:
      let expected = details.expected
      let missingChild = details.missingChild
      // Expected elements are children of the reported element (missing child) or its siblings.
      let parentPath = missingChild
        ? elementPath : elementPath.map { $0.split(separator: "/").dropLast().joined(separator: "/") }
      let expectedText = expected.map { "；此处应为：\(describeList($0, parentPath: parentPath))" } ?? ""
      if missingChild {
        return "\(element)缺少必需的子元素\(expectedText)"
      }
      return "此处不应出现元素 \(element)\(expectedText)"
    case 1824, 1825, 1826:
      let type = details.type.map(Self.describeType) ?? ""
      return "\(subject)的值\(value)不是合法的\(type)\(expected)"
    case 1830:
      let allowed = details.bound ?? "?"
      return "\(subject)的长度不符合要求：应为 \(allowed) 个字符"
    case 1831:
      let allowed = details.bound ?? "?"
      return "\(subject)过短：至少应有 \(allowed) 个字符"
    case 1832:
      let allowed = details.bound ?? "?"
      return "\(subject)过长：最多 \(allowed) 个字符"
    case 1833:
      let bound = details.bound ?? "?"
      return "\(subject)的值\(value)小于允许的最小值 \(bound)"
    case 1834:
      let bound = details.bound ?? "?"
      return "\(subject)的值\(value)大于允许的最大值 \(bound)"
    case 1835:
      let bound = details.bound ?? "?"
      return "\(subject)的值\(value)必须大于 \(bound)"
    case 1836:
      let bound = details.bound ?? "?"
      return "\(subject)的值\(value)必须小于 \(bound)"
    case 1837:
      let bound = details.bound ?? "?"
      return "\(subject)的值\(value)位数过多：最多 \(bound) 位数字"
    case 1838:
      let bound = details.bound ?? "?"
      return "\(subject)的值\(value)小数位过多：最多 \(bound) 位小数"
    case 1839:
      return "\(subject)的值\(value)格式不正确\(expected)"
    case 1840:
      let set = details.set.map { "；可选值：\($0)" } ?? ""
      return "\(subject)的值\(value)不在允许的代码表中\(set)"
    case 1841:
      return "\(element)应为空元素，不得包含内容"
    case 1842:
      return "\(element)只能包含文字，不得包含子元素"
    case 1843:
      return "\(element)只能包含子元素，不得直接包含文字"
    case 1845:
      return "根元素 \(element) 不是已知的数据包类型"
    case 1866, 1867:
      return "\(element)不允许有属性 \(attribute ?? "?")"
    case 1868:
      let missing = details.requiredAttribute ?? "?"
      return "\(element)缺少必需的属性 \(missing)"
    case 1877:
      if details.noMatch {
        return "\(element)引用的编号\(value)在本数据包中不存在"
      }
      return "\(element)的取值\(value)重复，同一数据包中不得重复"
    case 1872:
      return "数据包没有根元素"
    case 1824...1879:
      return "\(element)不符合数据包规范（libxml2 代码 \(issue.code)）"
    default:
      return "不符合数据包规范（libxml2 代码 \(issue.code)）"
    }
  }

  // MARK: - Well-formedness messages

  func chineseParserMessage(_ issue: XMLIssue) -> String {
    let details = issue.details
    switch issue.code {
    case 4: return "数据包为空，没有任何 XML 内容"
    case 5: return "根元素结束后还有多余内容"
    case 9:
      if details.notUTF8 {
        return "数据包含有不是 UTF-8 的字节，且 XML 声明未注明编码；如使用 GBK 或 GB18030，请在 XML 声明中写明 encoding"
      }
      return "数据包含有 XML 不允许的字符"
    case 23: return "实体引用缺少结尾的分号 ';'"
    case 26, 27: return "使用了未定义的实体引用"
    case 31, 32: return "XML 声明中的编码不受支持"
    case 38, 39: return "属性值缺少引号或引号未闭合"
    case 40: return "属性缺少值"
    case 41: return "同一元素中属性重复：\(details.repeatedAttribute ?? "")"
    case 42, 43: return "属性值中不得出现未转义的 '<'"
    case 68: return "元素名称不合法"
    case 73: return "开始标签没有正确结束（缺少 '>'）"
    case 76:
      let opened = details.openedTag ?? "?"
      let closed = details.closedTag ?? "?"
      return "开始标签与结束标签不匹配：<\(opened)> 与 </\(closed)>"
    case 77: return "数据包在标签结束前被截断"
    case 1: return details.excessiveDepth ? "元素嵌套层级过深" : "解析器内部错误"
    case 110: return "名称过长"
    case 200, 201, 202, 203, 204:
      return "命名空间错误：使用了未声明的前缀或不合法的命名空间"
    default: return "XML 格式错误（libxml2 代码 \(issue.code)）"
    }
  }

  // MARK: - Names

  func localName(of qualified: String) -> String {
    qualified.split(separator: "}").last.map(String.init) ?? qualified
  }

  /// What a built-in or common type means, in Chinese.
  static func describeType(_ qualified: String) -> String {
    let local = qualified.split(separator: "}").last.map(String.init) ?? qualified
    let known: [String: String] = [
      "Date": "日期（YYYY-MM-DD）", "xs:date": "日期（YYYY-MM-DD）",
      "DateTime": "时间（带时区，如 2026-03-02T09:30:00+08:00）",
      "xs:dateTime": "时间（带时区，如 2026-03-02T09:30:00+08:00）",
      "xs:decimal": "数字", "Area": "面积（大于 0 的数字，至多 2 位小数）",
      "Money": "金额（不小于 0，至多 2 位小数）", "Count": "数量（1 至 9999 的整数）",
      "xs:integer": "整数", "xs:nonNegativeInteger": "非负整数", "xs:positiveInteger": "正整数",
      "xs:boolean": "布尔值（true 或 false）",
    ]
    return known[local] ?? "值（类型 \(local)）"
  }

  /// `'{urn:…}Area'` → `Area（面积）`, the label taken from the element's path when known.
  func describe(_ qualified: String, path: String? = nil) -> String {
    let local = qualified.split(separator: "}").last.map(String.init) ?? qualified
    if let label = path.flatMap(labelForPath) ?? labels[local] { return "\(local)（\(label)）" }
    return local
  }

  func describeList(_ list: String, parentPath: String? = nil) -> String {
    list.split(separator: ",").map { item in
      let qualified = item.trimmingCharacters(in: .whitespaces)
      let childPath = parentPath.map { $0 + "/" + localName(of: qualified) }
      return describe(qualified, path: childPath)
    }.joined(separator: "、")
  }
}

extension SystemRules {
  /// The input-policy rule a libxml2 pre-scan refusal stands for.
  static func policyRule(for violation: PolicyViolation?) -> RuleDescriptor {
    switch violation {
    case .doctype: doctypeForbidden
    case .tooLarge: packetTooLarge
    case .tooDeep: nestingTooDeep
    case .tooManyAttributes: tooManyAttributes
    case .invalidUTF16: invalidUTF16
    case .unsupportedEncoding, nil: unsupportedEncoding
    }
  }
}
