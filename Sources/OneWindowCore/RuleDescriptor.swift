/// Everything a catalogue says about one rule: identity, weight, wording, basis and dates.
public struct RuleDescriptor: Sendable, Hashable, Codable {
  public var id: RuleID
  public var severity: Severity
  public var category: FindingCategory
  /// Acceptance (受理) or review (审查).
  public var stage: RuleStage
  /// What the rule checks, one sentence.
  public var summary: LocalizedText
  /// The finding's message when the rule fires.
  public var message: LocalizedText
  /// How the applicant fixes it.
  public var hint: LocalizedText
  /// Law and article, for the clerk.
  public var legalBasis: LocalizedText
  /// First day the rule applies (inclusive); nil means always.
  public var effectiveFrom: CivilDate?
  /// Last day the rule applies (inclusive); nil means open-ended.
  public var effectiveTo: CivilDate?

  public init(
    id: RuleID, severity: Severity, category: FindingCategory, summary: LocalizedText,
    message: LocalizedText, hint: LocalizedText, legalBasis: LocalizedText,
    effectiveFrom: CivilDate? = nil, effectiveTo: CivilDate? = nil, stage: RuleStage? = nil
  ) {
    self.id = id
    self.severity = severity
    self.category = category
    self.stage = stage ?? .usual(for: category)
    self.summary = summary
    self.message = message
    self.hint = hint
    self.legalBasis = legalBasis
    self.effectiveFrom = effectiveFrom
    self.effectiveTo = effectiveTo
  }

  /// Whether the rule is in force on `date`.
  public func isInForce(on date: CivilDate) -> Bool {
    if let effectiveFrom, date < effectiveFrom { return false }
    if let effectiveTo, date > effectiveTo { return false }
    return true
  }

  /// A finding of this rule at `location`, with `detail` replacing the default message.
  public func finding(
    at location: SourceLocation, detail: LocalizedText? = nil, value: String? = nil,
    severity override: Severity? = nil
  ) -> Finding {
    Finding(
      ruleID: id, severity: override ?? severity, category: category, stage: stage, message: detail ?? message,
      hint: hint, legalBasis: legalBasis, location: location, value: value)
  }
}
