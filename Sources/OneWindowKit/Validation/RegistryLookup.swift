public import OneWindowCore

/// Looks up, before the rules run, the registry facts a packet refers to.
///
/// The SQLite store implements it; tests and hosts can pass fixed facts with ``FixedRegistry``.
public protocol RegistryLookup: Sendable {
  func facts(for packet: Packet, asOf: CivilDate) throws(OneWindowError) -> RegistryFacts
}

/// Registry facts given up front (tests, embedding hosts with their own registry).
public struct FixedRegistry: RegistryLookup {
  public var facts: RegistryFacts

  public init(_ facts: RegistryFacts) { self.facts = facts }

  public func facts(for packet: Packet, asOf: CivilDate) -> RegistryFacts { facts }
}
