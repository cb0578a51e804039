/// What a changed item brings: which track decides it, which licence is re-issued, whether the
/// premises are inspected. The table of effects by changed item is policy data
/// (`changeEffects` in `Data/policy.json`); a set of changed items brings the union of theirs.
public struct ChangeEffect: Sendable, Hashable, Codable {
  /// The registrar's track decides the change (a registration or a filing).
  public var businessTrack: Bool
  /// A new business licence is issued (an item printed on it changes).
  public var businessLicence: Bool
  /// The food track decides the change and a new food licence face is issued.
  public var foodLicence: Bool
  /// An on-site inspection is needed.
  public var inspection: Bool

  /// `businessTrack` defaults to `businessLicence`: a new business licence is the registrar's.
  public init(businessLicence: Bool = false, foodLicence: Bool = false, inspection: Bool = false, businessTrack: Bool? = nil) {
    self.businessTrack = businessTrack ?? businessLicence
    self.businessLicence = businessLicence
    self.foodLicence = foodLicence
    self.inspection = inspection
  }

  private enum CodingKeys: String, CodingKey {
    case businessTrack, businessLicence, foodLicence, inspection
  }

  /// Absent keys are false, except `businessTrack`, which follows `businessLicence`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      businessLicence: try container.decodeIfPresent(Bool.self, forKey: .businessLicence) ?? false,
      foodLicence: try container.decodeIfPresent(Bool.self, forKey: .foodLicence) ?? false,
      inspection: try container.decodeIfPresent(Bool.self, forKey: .inspection) ?? false,
      businessTrack: try container.decodeIfPresent(Bool.self, forKey: .businessTrack))
  }

  /// The effect of this and `other` together.
  public func union(_ other: ChangeEffect) -> ChangeEffect {
    ChangeEffect(
      businessLicence: businessLicence || other.businessLicence, foodLicence: foodLicence || other.foodLicence,
      inspection: inspection || other.inspection, businessTrack: businessTrack || other.businessTrack)
  }

  /// What an item the policy does not list brings: both tracks decide it and both licences are
  /// re-issued, so nothing the bureau has not classified passes unreviewed.
  public static let unlisted = ChangeEffect(businessLicence: true, foodLicence: true)
}
