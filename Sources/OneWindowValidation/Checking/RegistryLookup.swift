public import OneWindowCore

/// Looks up, before the rules run, the registry facts a packet refers to.
///
/// The SQLite store implements it; tests and hosts can pass fixed facts with ``FixedRegistry``.
public protocol RegistryLookup: Sendable {
  func facts(for packet: Packet, asOf: CivilDate) throws(OneWindowError) -> RegistryFacts
  /// The findings on a receipt issued earlier, for comparing a resubmission with it.
  func findings(ofReceipt number: String) -> [Finding]?
}

extension RegistryLookup {
  public func findings(ofReceipt number: String) -> [Finding]? { nil }
}

/// Registry facts given up front (tests, embedding hosts with their own registry).
public struct FixedRegistry: RegistryLookup {
  public var facts: RegistryFacts

  public init(_ facts: RegistryFacts) { self.facts = facts }

  public func facts(for packet: Packet, asOf: CivilDate) -> RegistryFacts { facts }
}
