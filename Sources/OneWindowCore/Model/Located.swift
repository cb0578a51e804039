/// A value read from a packet, with the element or attribute it was read from.
///
/// The typed model stays plain to read (`proof.number`, `unit.area`) while a rule that reports
/// on a value points at it directly (`unit.$area`): no rule names an XML child by string.
///
/// ```swift
/// public struct Unit { @Located public var area: Double = 0 }
/// context.report(at: unit.$area, value: String(unit.area))
/// ```
@propertyWrapper
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
  public var wrappedValue: Value
  /// Where the value stood; ``NodeRef/none`` for a value built by hand or absent from the packet.
  public var projectedValue: NodeRef

  public init(wrappedValue: Value) {
    self.wrappedValue = wrappedValue
    self.projectedValue = .none
  }

  public init(wrappedValue: Value, at node: NodeRef) {
    self.wrappedValue = wrappedValue
    self.projectedValue = node
  }
}
