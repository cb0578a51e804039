import Foundation
public import OneWindowCore
public import OneWindowRules
import OneWindowStore
public import OneWindowValidation

/// The registry: pre-filings, tenancies, bundles, receipts and the audit log, in SQLite.
///
/// Every write is `async` and runs in one transaction on the store's writer queue, never on the
/// caller's thread: the packet is checked (schema and rules, with the registry facts read in that
/// same transaction, so a lost race is reported by the same rule id), stored verbatim whatever
/// the outcome, applied when accepted, logged in the hash-chained audit log, and answered with a
/// ``Receipt`` carrying the audit-chain head. A task cancelled before the transaction commits
/// writes nothing and gets ``OneWindowError/cancelled``; once committed, its receipt stands.
///
/// Errors are typed: ``OneWindowError/registry(_:)`` carries a ``RegistryFailure`` whose
/// ``RegistryFailure/Kind`` says busy, locked, read-only, corrupt, not migrated, constraint….
public struct Registry: Sendable {
  public let oneWindow: OneWindow
  /// The database file, `:memory:`, or the PostgreSQL URL without its password.
  public let location: String
  /// Which rules the write commands run (all in force by default; replays may pick a rule-set
  /// date or switch rules off).
  public var rules = RuleSettings()
  /// Who and where writes come from (the service sets it per request: account, service centre,
  /// request id); recorded on receipts and audit events. Nil for the local CLI and the library.
  public var origin: OperationOrigin?
  /// The service centre where this handle's writes are accepted when no ``origin`` names one: the
  /// local CLI's `--service-centre`, a replay step's `centre`, a host application's own. Nil: the
  /// acting clerk's account centre, if the registry has one, else none (counted under "unknown").
  public var serviceCentre: String?
  /// A dry run (`--dry-run`): every write is checked in full inside its transaction and answered
  /// with a preview receipt (``Receipt/preview``, no receipt number), then rolled back: nothing
  /// is stored, numbered or logged.
  public var preview = false
  let store: RegistryStore

  /// Opens the registry at `path`; `nil` opens a fresh in-memory registry.
  ///
  /// Only `create` makes a registry (and its folders): a missing or zero-length file is
  /// ``RegistryFailure/Kind/missing`` otherwise, so a mistyped path never starts a second
  /// registry whose numbers restart. `readOnly` opens an existing registry without ever writing
  /// to it, nor leaving `-wal`/`-shm` files where the user may not write. `busyTimeout`
  /// (seconds) is how long a write waits for another process's lock before it fails as
  /// ``RegistryFailure/Kind/busy``.
  public init(
    oneWindow: OneWindow, path: String?, readOnly: Bool = false, create: Bool = false, busyTimeout: Double = 30
  ) throws(OneWindowError) {
    self.oneWindow = oneWindow
    let location: StoreLocation
    do {
      location = try path.map { try StoreLocation($0) } ?? .memory
    } catch {
      throw Self.failure(error, location: path.map(PostgresLocation.redact) ?? ":memory:")
    }
    self.location = location.description
    do {
      store = try RegistryStore(
        location: location, access: readOnly ? .read : create ? .create : .write, busyTimeout: busyTimeout)
    } catch {
      throw Self.failure(error, location: location.description)
    }
  }

  /// A fresh registry in its own scratch schema of a PostgreSQL database (`postgres://…`): what a
  /// replay or a test uses there as it would use a fresh in-memory registry. ``discardScratch()``
  /// drops the schema.
  public init(oneWindow: OneWindow, scratchIn postgres: String) throws(OneWindowError) {
    let schema = "onewindow_scratch_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    let separator = postgres.contains("?") ? "&" : "?"
    try self.init(oneWindow: oneWindow, path: postgres + separator + "schema=" + schema, create: true)
  }

  /// Drops a scratch schema made by ``init(oneWindow:scratchIn:)`` and everything in it; does
  /// nothing for any other registry.
  public func discardScratch() throws(OneWindowError) {
    do { try store.dropScratchSchema() } catch { throw failure(error) }
  }

  /// Whether a registry location is a PostgreSQL URL (`postgres://…`) rather than a SQLite file.
  public static func isPostgres(_ location: String) -> Bool { PostgresLocation.isPostgres(location) }

  /// Copies every row of this registry into `target`, a new and empty registry on either store
  /// (`onewindow registry copy`), in one transaction there. Returns the rows copied per table.
  public func copy(into target: Registry) async throws(OneWindowError) -> [(table: String, rows: Int)] {
    do { return try await store.copy(into: target.store) } catch { throw target.failure(error) }
  }

  /// Which store holds the registry: `sqlite` or `postgres`.
  public var storeKind: String { store.backendName }

  /// Where the registry lives: `--db`, else `ONEWINDOW_DB`, else
  /// `$XDG_DATA_HOME/onewindow/registry.sqlite` (`~/.local/share/…` when unset).
  public static func defaultPath(explicit: String?, environment: [String: String]? = nil) -> String {
    let environment = environment ?? ProcessInfo.processInfo.environment
    if let explicit { return explicit }
    if let fromEnvironment = environment["ONEWINDOW_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
    let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
    return dataHome + "/onewindow/registry.sqlite"
  }

  /// The migrations applied to the database.
  public func migrations() throws(OneWindowError) -> [String] {
    do { return try store.appliedMigrations() } catch { throw failure(error) }
  }

  /// `PRAGMA integrity_check` of the database ("ok" when sound).
  public func integrityCheck() async throws(OneWindowError) -> String {
    try await read { transaction in try transaction.integrityCheck() }
  }

  /// A receipt issued earlier.
  public func receipt(_ number: String) async throws(OneWindowError) -> Receipt? {
    try await read { transaction in try Self.receipt(number, in: transaction) }
  }

  /// The verbatim bytes of the packet a receipt answered, with their SHA-256; nil when the
  /// receipt is unknown or its packet was not kept (over the size limit).
  public func packet(forReceipt number: String) async throws(OneWindowError) -> StoredPacketBytes? {
    try await read { transaction in
      guard let id = try transaction.receipt(number)?.packetID, let stored = try transaction.packet(id: id) else {
        return nil
      }
      return StoredPacketBytes(bytes: stored.bytes, sha256: stored.sha256)
    }
  }

  // MARK: - Access

  /// A read transaction on the store's readers, its errors typed.
  func read<T: Sendable>(_ body: @escaping @Sendable (RegistryTransaction) throws -> T) async throws(OneWindowError) -> T {
    do {
      return try await store.read(body)
    } catch {
      throw failure(error)
    }
  }

  /// A read on the calling thread (for ``RegistryLookup``, which rules call synchronously).
  func readNow<T>(_ body: (RegistryTransaction) throws -> T) throws(OneWindowError) -> T {
    do {
      return try store.readNow(body)
    } catch {
      throw failure(error)
    }
  }

  static func receipt(_ number: String, in transaction: RegistryTransaction) throws -> Receipt? {
    try transaction.receipt(number).map { try JSONDecoder().decode(Receipt.self, from: Data($0.body.utf8)) }
  }

  /// Any error of a registry call as a typed ``OneWindowError``.
  func failure(_ error: any Error) -> OneWindowError { Self.failure(error, location: location) }

  static func failure(_ error: any Error, location: String) -> OneWindowError {
    switch error {
    case let error as OneWindowError: return error
    case let error as StoreError:
      if error.kind == .cancelled { return .cancelled }
      let kind: RegistryFailure.Kind =
        switch error.kind {
        case .missing: .missing
        case .busy: .busy
        case .locked: .locked
        case .readOnly: .readOnly
        case .corrupt: .corrupt
        case .notMigrated: .notMigrated
        case .constraint: .constraint
        case .cannotOpen: .cannotOpen
        case .unavailable: .unavailable
        case .cancelled, .other: .other
        }
      return .registry(RegistryFailure(kind: kind, location: location, detail: error.description))
    case is CancellationError: return .cancelled
    default: return .registry(RegistryFailure(kind: .other, location: location, detail: String(describing: error)))
    }
  }

  /// What the registry holds contradicts itself (a record a step needs is missing).
  static func inconsistent(_ detail: String) -> OneWindowError {
    .registry(RegistryFailure(kind: .inconsistent, location: "", detail: detail))
  }
}

/// A stored packet's bytes and digest.
public struct StoredPacketBytes: Sendable, Hashable {
  public var bytes: [UInt8]
  public var sha256: String
}

extension Registry: RegistryLookup {
  public func findings(ofReceipt number: String) -> [Finding]? {
    (try? readNow { transaction in try Self.receipt(number, in: transaction) })?.map(\.findings) ?? nil
  }

  /// The facts a packet refers to, read in one read transaction (for `validate --db`, which
  /// never writes).
  public func facts(for packet: Packet, asOf: CivilDate) throws(OneWindowError) -> RegistryFacts {
    try readNow { transaction in try RegistryFactsBuilder.facts(for: packet, asOf: asOf, in: transaction) }
  }
}
