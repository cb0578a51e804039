public import OneWindowCore

/// The division part of the name is 市南区 (or 青岛市市南区), optionally followed by a 街道 name.
///
/// Finding: an error at `BusinessName/Division` otherwise.
public struct NameDivision: Rule {
  public static let descriptor = RuleDescriptor(
    id: "BL-002", severity: .error, category: .name,
    summary: LocalizedText("名称中的行政区划为市南区（可加街道名称）。", "The division part of the name is Shinan (optionally with a subdistrict)."),
    message: LocalizedText("名称中的行政区划应为“市南区”", "the name's division part should be 市南区"),
    hint: LocalizedText("行政区划写“市南区”或“青岛市市南区”，其后可加所在街道名称。", "Write 市南区 or 青岛市市南区, optionally followed by the subdistrict."),
    legalBasis: LegalBasis.individualName)
  public static let appliesTo = NamePartsMakeTheName.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let subdistricts = Array(SubdistrictNameMatchesCode.names.values)
    for name in packet.businessNames {
      let fits = context.policy.divisionNames.contains { division in
        name.division == division || subdistricts.contains { name.division == division + $0 }
      }
      if !fits {
        context.report(
          LocalizedText("行政区划“\(name.division)”不是市南区", "'\(name.division)' is not Shinan District"),
          at: name.$division, value: name.division)
      }
    }
  }
}
