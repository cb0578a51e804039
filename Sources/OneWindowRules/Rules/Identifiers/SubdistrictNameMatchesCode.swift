public import OneWindowCore

/// The 街道 name matches its code (Shinan's 11 subdistricts, 2023 statistical codes, read from the
/// policy's `subdistricts`: a redrawn boundary is a data change).
///
/// Finding: an error at `Subdistrict` when the name differs from the name of `SubdistrictCode`.
public struct SubdistrictNameMatchesCode: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-008", severity: .error, category: .premises,
    summary: LocalizedText("街道名称与街道代码一致。", "The subdistrict name matches its code."),
    message: LocalizedText("街道名称与街道代码不一致", "the subdistrict name does not match its code"),
    hint: LocalizedText("按标准地址填写街道名称，例如 370202005 为中山路街道。", "Use the standard name; for example 370202005 is 中山路街道."),
    legalBasis: LegalBasis.gb2260, stage: .acceptance)
  public static let appliesTo: Set<PacketKind> = DistrictIsShinan.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for address in packet.addresses {
      guard let expected = context.policy.subdistricts[address.subdistrictCode], expected != address.subdistrict else { continue }
      context.report(
        LocalizedText(
          "街道代码 \(address.subdistrictCode) 对应“\(expected)”，而不是“\(address.subdistrict)”",
          "code \(address.subdistrictCode) is \(expected), not \(address.subdistrict)"),
        at: address.$subdistrict, value: address.subdistrict)
    }
  }
}
