public import OneWindowCore

/// What a rule needs besides the packet itself.
public enum RuleInput: Sendable, Hashable {
  /// The packet alone (with the reference date and policy).
  case packet
  /// Facts from the registry; without a registry the rule reports one info, never a silent pass.
  case registry
  /// The attachments supplied with the packet (folder or zip).
  case attachments
  /// The business-licence application of the same bundle (a food application checked with its
  /// pair, when a bundle is assembled); skipped without one.
  case trackPair
}

/// A numbered business rule: a pure function of a schema-valid packet and a context.
///
/// One rule is one type in one file under `Rules/`, named for what it checks, with its stable id
/// in ``descriptor``. A rule never builds a finding itself: it calls
/// ``RuleContext/report(_:at:value:severity:)`` and the context adds the rule's
/// identity, severity, hint and legal basis. Rules never do I/O.
public protocol Rule: Sendable {
  /// Id, severity, category, wording, hint, legal basis and effective dates.
  static var descriptor: RuleDescriptor { get }
  /// The packet kinds the rule looks at.
  static var appliesTo: Set<PacketKind> { get }
  /// What the rule needs besides the packet.
  static var input: RuleInput { get }
  init()
  func check(_ packet: Packet, in context: inout RuleContext)
}

extension Rule {
  public static var input: RuleInput { .packet }
  public static var id: RuleID { descriptor.id }
}
