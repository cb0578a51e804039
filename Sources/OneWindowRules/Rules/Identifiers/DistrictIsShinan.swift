public import OneWindowCore

/// Premises registered here lie in Shinan District: division code 370202, named 市南区 (the
/// policy's `divisionCode` and `districtName`).
///
/// Finding: an error at the address's `DistrictCode` (or `District`) when it is not Shinan's.
public struct DistrictIsShinan: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-007", severity: .error, category: .premises,
    summary: LocalizedText("场所地址位于市南区（行政区划代码 370202）。", "The premises lie in Shinan District (division code 370202)."),
    message: LocalizedText("场所不在市南区，不属本局登记管辖", "the premises are outside Shinan District and not this bureau's to register"),
    hint: LocalizedText("市南区以外的场所请向所在区（市）行政审批服务局申请。", "Premises outside Shinan are registered by their own district's bureau."),
    legalBasis: LegalBasis.cite(
      "《市场主体登记管理条例实施细则》第十条、第十八条第四款；《中华人民共和国行政许可法》第三十二条第一款第（二）项；GB/T 2260 行政区划代码",
      "Implementing rules, arts 10 and 18(4); Administrative Licensing Law art. 32(1)(ii); GB/T 2260 division codes"), stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = [
    .preFiling, .restaurantOpening, .restaurantChange, .businessLicenceApplication, .foodLicenceApplication,
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for address in packet.addresses {
      if address.districtCode != context.policy.divisionCode {
        context.report(
          LocalizedText(
            "行政区划代码 \(address.districtCode) 不是\(context.policy.districtName)（\(context.policy.divisionCode)）",
            "division code \(address.districtCode) is not \(context.policy.districtName)'s (\(context.policy.divisionCode))"),
          at: address.$districtCode, value: address.districtCode)
      } else if address.district != context.policy.districtName {
        let (code, name) = (context.policy.divisionCode, context.policy.districtName)
        context.report(
          LocalizedText("区名称“\(address.district)”与代码 \(code)（\(name)）不符", "district name '\(address.district)' does not match code \(code) (\(name))"),
          at: address.$district, value: address.district)
      }
    }
  }
}
