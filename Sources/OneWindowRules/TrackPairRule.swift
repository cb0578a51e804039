public import OneWindowCore

/// A rule about the two per-track applications of one bundle, checked when they are assembled:
/// what the applicant enters once must be the same on both tracks.
///
/// Findings point into the food-licence application (the second of the pair).
public protocol TrackPairRule: Sendable {
  static var descriptor: RuleDescriptor { get }
  init()
  func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext)
}

extension TrackPairRule {
  public static var id: RuleID { descriptor.id }
}

extension RuleEngine {
  /// Runs the pair rules over a business-licence and a food-licence application.
  public static func runPairRules(
    _ rules: [any TrackPairRule.Type] = RuleRegistry.pairRules,
    business: BusinessLicenceApplication, food: ParsedPacket, file: String, environment: RuleEnvironment,
    settings: RuleSettings = RuleSettings()
  ) -> [Finding] {
    guard case .foodApplication(let foodApplication) = food.packet else { return [] }
    var findings: [Finding] = []
    for rule in rules where settings.applies(rule.descriptor, asOf: environment.asOf) {
      var context = RuleContext(
        asOf: environment.asOf, policy: environment.policy, registry: environment.registry,
        sourceMap: food.sourceMap, root: food.root, file: file, descriptor: rule.descriptor)
      rule.init().check(business: business, food: foodApplication, in: &context)
      findings.append(contentsOf: context.findings)
    }
    return findings
  }
}
