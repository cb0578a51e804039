public import OneWindowCore

/// The digests of the attachments that came with a packet (a packet folder or zip).
public struct Attachments: Sendable, Hashable {
  /// File name → lower-case hex SHA-256.
  public var digests: [String: String]

  public init(digests: [String: String]) { self.digests = digests }
}

/// What every rule may read, and the findings it reports.
///
/// The engine makes a fresh context per rule, holding that rule's descriptor, so a rule cannot
/// get its own id or severity wrong.
public struct RuleContext: Sendable {
  /// The reference date: rules are judged as of this day.
  public let asOf: CivilDate
  public let policy: Policy
  /// Registry facts looked up before the rules ran; nil without a registry.
  public let registry: RegistryFacts?
  /// Attachments supplied with the packet; nil when the packet came as a single file.
  public let attachments: Attachments?
  /// For a pair rule: the business-licence application assembled with this food application.
  public let pairedBusiness: BusinessLicenceApplication?
  /// Lines and paths of the packet's elements.
  public let sourceMap: SourceMap
  /// The packet's root element.
  public let root: NodeRef
  /// How reports name the packet.
  public let file: String
  /// The rule being run (the engine reuses one context for all the rules of a packet).
  public var descriptor: RuleDescriptor { current.descriptor }
  /// The rule being run, shared with the engine's plan (switching rules copies a reference, not
  /// the descriptor's texts).
  var current: DescriptorBox
  public internal(set) var findings: [Finding] = []
  /// Where the packet's root is, worked out on first use.
  private var rootLocation: SourceLocation?

  public init(
    asOf: CivilDate, policy: Policy, registry: RegistryFacts? = nil, attachments: Attachments? = nil,
    pairedBusiness: BusinessLicenceApplication? = nil, sourceMap: SourceMap = SourceMap(), root: NodeRef = .none,
    file: String, descriptor: RuleDescriptor
  ) {
    self.pairedBusiness = pairedBusiness
    self.asOf = asOf
    self.policy = policy
    self.registry = registry
    self.attachments = attachments
    self.sourceMap = sourceMap
    self.root = root
    self.file = file
    self.current = DescriptorBox(descriptor)
  }

  /// Reports a finding of this rule.
  ///
  /// - Parameters:
  ///   - message: the finding's wording; the rule's default message when nil.
  ///   - node: the element or attribute the finding is about: a located value's place
  ///     (`unit.$capacity`), or a structure's own node (`unit.node`).
  ///   - value: the offending value.
  ///   - severity: overrides the rule's default severity (for example an info).
  public mutating func report(
    _ message: LocalizedText? = nil, at node: NodeRef, value: String? = nil, severity: Severity? = nil
  ) {
    let location = SourceLocation(file: file, line: sourceMap.line(of: node), path: sourceMap.path(of: node))
    findings.append(
      current.descriptor.finding(at: location, detail: message, value: value, severity: severity))
  }

  /// Reports that this rule was not evaluated on this packet, and why (an info at the packet).
  public mutating func reportNotEvaluated(_ message: LocalizedText, because reason: NotEvaluated) {
    report(message, at: root, severity: .info)
    findings[findings.count - 1].notEvaluated = reason
  }

  /// Appends a finding made in advance (the engine's not-evaluated notes), placed at the packet.
  mutating func append(_ template: Finding) {
    if rootLocation == nil {
      rootLocation = SourceLocation(file: file, line: sourceMap.line(of: root), path: sourceMap.path(of: root))
    }
    var finding = template
    finding.location = rootLocation ?? SourceLocation(file: file)
    findings.append(finding)
  }
}

/// A rule's effective descriptor, held once by the engine's plan and shared with the context.
final class DescriptorBox: Sendable {
  let descriptor: RuleDescriptor

  init(_ descriptor: RuleDescriptor) { self.descriptor = descriptor }
}
