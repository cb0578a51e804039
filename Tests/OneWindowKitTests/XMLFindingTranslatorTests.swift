import Foundation
@testable import OneWindowKit
import OneWindowXML
import Testing
@testable import OneWindowValidation

/// Chinese messages for the commonest libxml2 codes, with the English original kept.
struct XMLFindingTranslatorTests {
  let translator = XMLFindingTranslator(
    labels: ["Area": "面积", "Unit": "备案单元", "Contact": "联系人", "Phone": "联系电话"],
    formats: ["USCC": "统一社会信用代码（GB 32100）：18 位"], family: "prefiling")

  private func zh(_ code: Int, _ message: String, value: String? = nil) -> String {
    let element = message.components(separatedBy: "}").dropFirst().first?.components(separatedBy: "'").first ?? "X"
    let issue = XMLIssue(
      stage: .schema, code: code, level: .error, message: message, line: 3, path: "/Root/\(element)",
      value: value)
    let finding = translator.finding(for: issue, file: "a.xml")
    #expect(finding.message.en == message)
    #expect(finding.ruleID.rawValue == "XSD-\(code)")
    #expect(finding.category == .schema)
    return finding.message.zh
  }

  @Test func translatesContentModelErrors() {
    #expect(zh(1871, "Element '{urn:x}Contact': Missing child element(s). Expected is ( {urn:x}Phone ).") == "Contact（联系人）缺少必需的子元素；此处应为：Phone（联系电话）")
    #expect(zh(1871, "Element '{urn:x}Fax': This element is not expected. Expected is one of ( {urn:x}Phone, {urn:x}Area ).") == "此处不应出现元素 Fax；此处应为：Phone（联系电话）、Area（面积）")
    #expect(zh(1843, "Element '{urn:x}Unit': Character content other than whitespace is not allowed because the content type is 'element-only'.") == "Unit（备案单元）只能包含子元素，不得直接包含文字")
  }

  @Test func translatesFacetErrors() {
    #expect(zh(1839, "Element '{urn:x}USCC': [facet 'pattern'] The value 'X' is not accepted by the pattern 'p'.", value: "X") == "USCC的值 'X' 格式不正确；应为统一社会信用代码（GB 32100）：18 位")
    #expect(zh(1840, "Element '{urn:x}Area': [facet 'enumeration'] The value 'S' is not an element of the set {'A', 'B'}.", value: "S") == "Area（面积）的值 'S' 不在允许的代码表中；可选值：'A', 'B'")
    #expect(zh(1832, "Element '{urn:x}Area': [facet 'maxLength'] The value has a length of '51'; this exceeds the allowed maximum length of '50'.") == "Area（面积）过长：最多 50 个字符")
    #expect(zh(1831, "Element '{urn:x}Area': [facet 'minLength'] The value has a length of '0'; this underruns the allowed minimum length of '1'.") == "Area（面积）过短：至少应有 1 个字符")
    #expect(zh(1830, "Element '{urn:x}Area': [facet 'length'] The value has a length of '3'; this differs from the allowed length of '2'.") == "Area（面积）的长度不符合要求：应为 2 个字符")
    #expect(zh(1833, "Element '{urn:x}Area': [facet 'minInclusive'] The value '0' is less than the minimum value allowed ('1').", value: "0") == "Area（面积）的值 '0' 小于允许的最小值 1")
    #expect(zh(1834, "Element '{urn:x}Area': [facet 'maxInclusive'] The value '9' is greater than the maximum value allowed ('5').", value: "9") == "Area（面积）的值 '9' 大于允许的最大值 5")
    #expect(zh(1835, "Element '{urn:x}Area': [facet 'minExclusive'] The value '0' must be greater than '0'.", value: "0") == "Area（面积）的值 '0' 必须大于 0")
    #expect(zh(1836, "Element '{urn:x}Area': [facet 'maxExclusive'] The value '9' must be less than '5'.", value: "9") == "Area（面积）的值 '9' 必须小于 5")
    #expect(zh(1837, "Element '{urn:x}Area': [facet 'totalDigits'] The value '123' has more digits than are allowed ('2').", value: "123") == "Area（面积）的值 '123' 位数过多：最多 2 位数字")
    #expect(zh(1838, "Element '{urn:x}Area': [facet 'fractionDigits'] The value '1.234' has more fractional digits than are allowed ('2').", value: "1.234") == "Area（面积）的值 '1.234' 小数位过多：最多 2 位小数")
  }

  @Test func translatesDatatypeAttributeAndIdentityErrors() {
    #expect(zh(1824, "Element '{urn:x}Area': 'abc' is not a valid value of the atomic type '{urn:onewindow:common:v1}Area'.", value: "abc") == "Area（面积）的值 'abc' 不是合法的面积（大于 0 的数字，至多 2 位小数）")
    #expect(zh(1866, "Element '{urn:x}Unit', attribute 'colour': The attribute 'colour' is not allowed.") == "Unit（备案单元）不允许有属性 colour")
    #expect(zh(1868, "Element '{urn:x}Unit': The attribute 'id' is required but missing.") == "Unit（备案单元）缺少必需的属性 id")
    #expect(zh(1877, "Element '{urn:x}Unit': Duplicate key-sequence ['U-1'] in key identity-constraint 'k'.", value: "U-1") == "Unit（备案单元）的取值 'U-1' 重复，同一数据包中不得重复")
    #expect(zh(1877, "Element '{urn:x}Unit': No match found for key-sequence ['U-9'] of keyref 'r'.", value: "U-9") == "Unit（备案单元）引用的编号 'U-9' 在本数据包中不存在")
    #expect(zh(1845, "Element '{urn:x}Foo': No matching global declaration available for the validation root.") == "根元素 Foo 不是已知的数据包类型")
  }

  @Test func translatesWellFormednessAndPolicyFindings() {
    let parser = XMLIssue(stage: .parser, code: 76, level: .fatal, message: "Opening and ending tag mismatch: Premises line 20 and Premise", line: 35, column: 14)
    let finding = translator.finding(for: parser, file: "a.xml")
    #expect(finding.ruleID.rawValue == "XML-76")
    #expect(finding.message.zh == "开始标签与结束标签不匹配：<Premises> 与 </Premise>")
    #expect(finding.location == SourceLocation(file: "a.xml", line: 35, column: 14))
    #expect(finding.category == .wellFormedness)

    let policy = XMLIssue(stage: .policy, code: PolicyViolation.doctype.rawValue, level: .fatal, message: "DOCTYPE and other markup declarations are not allowed", line: 2)
    let refused = translator.finding(for: policy, file: "a.xml")
    #expect(refused.ruleID.rawValue == "SEC-001")
    #expect(refused.category == .security)
    #expect(refused.hint?.zh.contains("DOCTYPE") == true)
  }
}
