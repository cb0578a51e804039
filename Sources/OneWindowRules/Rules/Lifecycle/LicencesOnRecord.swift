public import OneWindowCore

/// The licences a change or cancellation names are in the registry, in force and consistent.
///
/// Finding: an error at `CurrentLicences` when the USCC is unknown, the licences have ended, or
/// the food licence number is not the one on record.
public struct LicencesOnRecord: Rule {
  public static let descriptor = RuleDescriptor(
    id: "LC-001", severity: .error, category: .registry,
    summary: LocalizedText("所变更或注销的证照在登记库中存在且有效。", "The licences named exist and are in force."),
    message: LocalizedText("登记库中没有这些有效证照", "no such licences in force in the registry"),
    hint: LocalizedText("核对营业执照与食品经营许可证上的编号。", "Check the numbers on both licences."),
    legalBasis: LegalBasis.bureauPolicy("变更、注销所称证照须与登记库记录一致", "a change or cancellation names the licences on record"))
  public static let appliesTo: Set<PacketKind> = [.restaurantChange, .restaurantCancellation]
  public static let input = RuleInput.registry

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let current: CurrentLicences
    switch packet {
    case .change(let change): current = change.current
    case .cancellation(let cancellation): current = cancellation.current
    default: return
    }
    guard let record = context.registry?.licences[current.uscc] else {
      context.report(
        LocalizedText("登记库中没有统一社会信用代码为 \(current.uscc) 的个体工商户", "no individual business \(current.uscc) in the registry"),
        at: current.$uscc, value: current.uscc)
      return
    }
    if !record.active {
      context.report(
        LocalizedText("\(current.uscc) 的证照已注销", "the licences of \(current.uscc) have ended"),
        at: current.$uscc, value: current.uscc)
    } else if record.foodLicenceNumber != current.foodLicenceNumber {
      context.report(
        LocalizedText(
          "食品经营许可证编号应为 \(record.foodLicenceNumber)", "the food licence on record is \(record.foodLicenceNumber)"),
        at: current.$foodLicenceNumber, value: current.foodLicenceNumber)
    }
  }
}
