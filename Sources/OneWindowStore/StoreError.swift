/// Why the registry could not be opened, read or written (as opposed to findings and refusals).
///
/// Like GRDB's `DatabaseError`, the description leaves out statement arguments (they hold
/// personal data such as names and ID numbers).
package struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure, so callers can match on it.
  package enum Kind: String, Sendable, Hashable {
    /// No registry at the location.
    case missing
    /// Another connection holds the database (SQLITE_BUSY after the busy timeout).
    case busy
    /// A table is locked within this connection's own process (SQLITE_LOCKED).
    case locked
    /// A write to a registry this process may only read (SQLITE_READONLY).
    case readOnly
    /// The file is not a database, or damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
    case corrupt
    /// The registry has not had this version's migrations.
    case notMigrated
    /// A constraint or trigger refused a change (SQLITE_CONSTRAINT; the append-only audit log).
    case constraint
    /// The file cannot be opened (permissions, a folder in the way: SQLITE_CANTOPEN).
    case cannotOpen
    /// The database server cannot be reached, or the connection was lost mid-request (PostgreSQL);
    /// the transaction was not committed.
    case unavailable
    /// The task was cancelled before the transaction committed; nothing was written.
    case cancelled
    /// Anything else.
    case other
  }

  package var kind: Kind
  package var description: String

  package init(_ kind: Kind, _ description: String) {
    self.kind = kind
    self.description = description
  }
}
