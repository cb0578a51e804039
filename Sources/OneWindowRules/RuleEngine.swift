public import OneWindowCore

/// Which rules run, and with which severity.
public struct RuleSettings: Sendable, Hashable {
  /// Rules switched off by the operator.
  public var disabled: Set<RuleID>
  /// When set, only these rules run (tests, `--rule`).
  public var only: Set<RuleID>?
  /// Severity overrides by rule.
  public var severities: [RuleID: Severity]
  /// The date whose rule set applies (rules in force that day), when it is not the reference
  /// date: "how would this have fared under the rules of …" (replay's rule-change impact).
  public var ruleSetDate: CivilDate?

  public init(
    disabled: Set<RuleID> = [], only: Set<RuleID>? = nil, severities: [RuleID: Severity] = [:],
    ruleSetDate: CivilDate? = nil
  ) {
    self.disabled = disabled
    self.only = only
    self.severities = severities
    self.ruleSetDate = ruleSetDate
  }

  /// Whether a rule runs for a packet judged on `asOf`: enabled, and in force on the rule-set date.
  public func applies(_ descriptor: RuleDescriptor, asOf: CivilDate) -> Bool {
    isEnabled(descriptor.id) && descriptor.isInForce(on: ruleSetDate ?? asOf)
  }

  /// These settings with `defaults` (the policy's severities) under the operator's own overrides.
  public func withSeverities(underneath defaults: [RuleID: Severity]) -> RuleSettings {
    var settings = self
    settings.severities = defaults.merging(severities) { _, chosen in chosen }
    return settings
  }

  public func isEnabled(_ id: RuleID) -> Bool {
    !disabled.contains(id) && (only?.contains(id) ?? true)
  }
}

/// The inputs of one rule run besides the packet.
public struct RuleEnvironment: Sendable {
  public var asOf: CivilDate
  public var policy: Policy
  public var registry: RegistryFacts?
  public var attachments: Attachments?
  /// The business-licence application a food application is assembled with (pair rules).
  public var pairedBusiness: BusinessLicenceApplication?

  public init(
    asOf: CivilDate, policy: Policy, registry: RegistryFacts? = nil, attachments: Attachments? = nil,
    pairedBusiness: BusinessLicenceApplication? = nil
  ) {
    self.asOf = asOf
    self.policy = policy
    self.registry = registry
    self.attachments = attachments
    self.pairedBusiness = pairedBusiness
  }
}

/// Runs the rules in force on the reference date over one packet.
public struct RuleEngine: Sendable {
  public let rules: [any Rule.Type]

  public init(rules: [any Rule.Type] = RuleRegistry.all) { self.rules = rules }

  /// The rules that apply to one packet kind on one date under one set of settings, in rule
  /// order, each with its effective descriptor. A checker that sees many packets works one out per
  /// kind and reuses it (``run(on:file:environment:plan:)``).
  public struct Plan: Sendable {
    public let kind: PacketKind
    let steps: [Step]
  }

  struct Step: Sendable {
    var rule: any Rule.Type
    var descriptor: DescriptorBox
    /// For a rule that needs the registry: the info it reports when there is none (placed at
    /// the packet when reported).
    var notEvaluated: Finding?
  }

  /// The plan for packets of `kind` judged on `asOf` under `settings`; with `inputs`, only the
  /// rules needing one of them (the pair rules at assembly).
  public func plan(
    for kind: PacketKind, asOf: CivilDate, settings: RuleSettings = RuleSettings(), inputs: Set<RuleInput>? = nil
  ) -> Plan {
    var steps: [Step] = []
    for rule in rules {
      var descriptor = rule.descriptor
      guard rule.appliesTo.contains(kind), settings.applies(descriptor, asOf: asOf),
        inputs?.contains(rule.input) ?? true
      else { continue }
      if let severity = settings.severities[descriptor.id] { descriptor.severity = severity }
      var notEvaluated: Finding?
      if rule.input == .registry {
        notEvaluated = descriptor.finding(
          at: SourceLocation(file: ""),
          detail: LocalizedText(
            zh: "未评估：没有连接登记库（用 --db 指定）。规则：" + descriptor.summary.zh,
            en: "not evaluated: no registry (use --db). Rule: " + descriptor.summary.en),
          severity: .info)
        notEvaluated?.notEvaluated = .registry
      }
      steps.append(Step(rule: rule, descriptor: DescriptorBox(descriptor), notEvaluated: notEvaluated))
    }
    return Plan(kind: kind, steps: steps)
  }

  /// The findings of every applicable rule, in rule order.
  ///
  /// A rule that needs the registry, run without one, reports a single info saying it was not
  /// evaluated; it never passes silently.
  public func run(
    on parsed: ParsedPacket, file: String, environment: RuleEnvironment,
    settings: RuleSettings = RuleSettings()
  ) -> [Finding] {
    run(
      on: parsed, file: file, environment: environment,
      plan: plan(for: parsed.packet.kind, asOf: environment.asOf, settings: settings))
  }

  /// The findings of the rules of `plan` (made for this packet's kind and reference date).
  public func run(on parsed: ParsedPacket, file: String, environment: RuleEnvironment, plan: Plan) -> [Finding] {
    var findings: [Finding] = []
    guard let first = plan.steps.first else { return findings }
    // One context for all the rules, given each rule's descriptor in turn: a context holds the
    // policy, the source map and the registry facts, too much to copy for every rule.
    var context = RuleContext(
      asOf: environment.asOf, policy: environment.policy, registry: environment.registry,
      attachments: environment.attachments, pairedBusiness: environment.pairedBusiness,
      sourceMap: parsed.sourceMap, root: parsed.root, file: file, descriptor: first.descriptor.descriptor)
    // Every rule reports into the one context, each under its own descriptor.
    for step in plan.steps {
      if step.rule.input == .trackPair, environment.pairedBusiness == nil { continue }
      context.current = step.descriptor
      if let notEvaluated = step.notEvaluated, environment.registry == nil {
        context.append(notEvaluated)
      } else {
        step.rule.init().check(parsed.packet, in: &context)
      }
    }
    findings = context.findings
    return findings
  }
}
