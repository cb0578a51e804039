public import OneWindowCore

/// A 食品经营许可证编号 (JY…) carries the right check digit.
///
/// Finding: a warning at each JY number whose last digit is not the ISO 7064 MOD 11,10 check of
/// the 13 digits before it. A warning: the algorithm is inferred from public numbers, and named
/// in `Data/policy.json` (`foodLicenceCheckDigit`; `none` switches the check off).
public struct FoodLicenceCheckDigit: Rule {
  public static let descriptor = RuleDescriptor(
    id: "ID-006", severity: .warning, category: .identifier,
    summary: LocalizedText("食品经营许可证编号的校验位正确。", "A food licence number has the right check digit."),
    message: LocalizedText("食品经营许可证编号校验位不符", "the food licence number's check digit does not match"),
    hint: LocalizedText("核对许可证正本上的编号；如编号确为发证机关核发，可忽略此警告。", "Check the number on the licence; if it is what was issued, ignore this warning."),
    legalBasis: LegalBasis.jyNumber)
  public static let appliesTo: Set<PacketKind> = [.restaurantChange, .restaurantCancellation, .issuance]

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    let number: String
    let node: NodeRef
    switch packet {
    case .change(let change): (number, node) = (change.current.foodLicenceNumber, change.current.$foodLicenceNumber)
    case .cancellation(let cancellation):
      (number, node) = (cancellation.current.foodLicenceNumber, cancellation.current.$foodLicenceNumber)
    case .issuance(let issued) where !issued.foodLicenceNumber.isEmpty: (number, node) = (issued.foodLicenceNumber, issued.$foodLicenceNumber)
    default: return
    }
    guard context.policy.checkDigitScheme == .iso7064Mod11_10 else { return }
    if !FoodLicenceNumber.hasValidCheckDigit(number) {
      context.report(at: node, value: number)
    }
  }
}
