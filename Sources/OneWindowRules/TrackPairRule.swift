public import OneWindowCore

/// A rule about the two per-track applications of one bundle, checked when they are assembled:
/// what the applicant enters once must be the same on both tracks.
///
/// A pair rule is a ``Rule`` like any other (same catalogue, same engine path, so disabling and
/// severity overrides apply): it looks at a food-licence application and reads the business-licence
/// application of the same bundle from ``RuleContext/pairedBusiness``. Without one (a food
/// application checked on its own) it is skipped. Findings point into the food application.
public protocol TrackPairRule: Rule {
  func check(business: BusinessLicenceApplication, food: FoodLicenceApplication, in context: inout RuleContext)
}

extension TrackPairRule {
  public static var appliesTo: Set<PacketKind> { [.foodLicenceApplication] }
  public static var input: RuleInput { .trackPair }

  public func check(_ packet: Packet, in context: inout RuleContext) {
    guard case .foodApplication(let food) = packet, let business = context.pairedBusiness else { return }
    check(business: business, food: food, in: &context)
  }
}
