public import OneWindowCore

/// The 街道 name matches its code (Shinan's 11 subdistricts, 2023 statistical codes).
///
/// Finding: an error at `Subdistrict` when the name differs from the name of `SubdistrictCode`.
public struct SubdistrictNameMatchesCode: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-008", severity: .error, category: .premises,
    summary: LocalizedText("街道名称与街道代码一致。", "The subdistrict name matches its code."),
    message: LocalizedText("街道名称与街道代码不一致", "the subdistrict name does not match its code"),
    hint: LocalizedText("按标准地址填写街道名称，例如 370202005 为中山路街道。", "Use the standard name; for example 370202005 is 中山路街道."),
    legalBasis: LegalBasis.gb2260)
  public static let appliesTo: Set<PacketKind> = DistrictIsShinan.appliesTo

  /// Shinan's subdistricts (brief §4.5, 2023 statistical division codes).
  public static let names: [String: String] = [
    "370202001": "香港中路街道", "370202002": "八大峡街道", "370202004": "云南路街道",
    "370202005": "中山路街道", "370202007": "江苏路街道", "370202009": "八大关街道",
    "370202010": "湛山街道", "370202011": "金湖路街道", "370202012": "八大湖街道",
    "370202013": "金门路街道", "370202014": "珠海路街道",
  ]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for address in packet.addresses {
      guard let expected = Self.names[address.subdistrictCode], expected != address.subdistrict else { continue }
      context.report(
        LocalizedText(
          "街道代码 \(address.subdistrictCode) 对应“\(expected)”，而不是“\(address.subdistrict)”",
          "code \(address.subdistrictCode) is \(expected), not \(address.subdistrict)"),
        at: address.$subdistrict, value: address.subdistrict)
    }
  }
}
