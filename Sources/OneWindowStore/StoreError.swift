/// Why the registry could not be opened or written (as opposed to findings and refusals).
///
/// Like GRDB's `DatabaseError`, the description leaves out statement arguments (they hold
/// personal data such as names and ID numbers).
package struct StoreError: Error, Sendable, CustomStringConvertible {
  package var description: String

  package init(_ description: String) { self.description = description }
}
