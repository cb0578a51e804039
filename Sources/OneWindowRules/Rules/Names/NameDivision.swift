public import OneWindowCore

/// The division part of the name is 市南区 (or 青岛市市南区), optionally followed by the name of
/// the 乡镇, 街道, 行政村, 社区 or 市场 where the premises are (2008 measures art. 7): one of Shinan's
/// 街道, or a name ending in 乡, 镇, 村, 社区 or 市场.
///
/// Finding: an error at `BusinessName/Division` otherwise.
public struct NameDivision: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-002", severity: .error, category: .name,
    summary: LocalizedText(
      "名称中的行政区划为市南区（其后可加所在街道、社区或市场名称）。", "The division part of the name is Shinan (optionally with the subdistrict, community or market)."),
    message: LocalizedText("名称中的行政区划应为“市南区”", "the name's division part should be 市南区"),
    hint: LocalizedText(
      "行政区划写“市南区”或“青岛市市南区”，其后可加经营场所所在的街道、社区或市场名称。",
      "Write 市南区 or 青岛市市南区, optionally followed by the subdistrict, community or market of the premises."),
    legalBasis: LegalBasis.cite(
      "《个体工商户名称登记管理办法》（2008，效力待核）第七条；《企业名称登记管理规定》第七条、第二十五条",
      "Individual-business name measures (2008, status unverified) art. 7; enterprise name regulation arts 7 and 25"))
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  /// What the name of a 乡镇, 行政村, 社区 or 市场 ends with (Shinan's 街道 are listed by name).
  static let placeSuffixes = ["乡", "镇", "村", "社区", "市场"]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let subdistricts = Array(context.policy.subdistricts.values)
    for name in packet.businessNames {
      let fits = context.policy.divisionNames.contains { division in
        guard name.division.hasPrefix(division) else { return false }
        let place = String(name.division.dropFirst(division.count))
        return place.isEmpty || subdistricts.contains(place)
          || (place.count >= 2 && Self.placeSuffixes.contains { place.hasSuffix($0) })
      }
      if !fits {
        context.report(
          LocalizedText("行政区划“\(name.division)”不是\(context.policy.districtName)", "'\(name.division)' is not \(context.policy.districtName)"),
          at: name.$division, value: name.division)
      }
    }
  }
}
