import Foundation
public import OneWindowCore
public import OneWindowRules
import OneWindowStore
public import OneWindowValidation

/// The registry: pre-filings, tenancies, bundles, receipts and the audit log, in SQLite.
///
/// Every write command runs in one transaction: the packet is checked (schema and rules, with the
/// registry facts read in that same transaction, so a lost race is reported by the same rule id),
/// stored verbatim whatever the outcome, applied when accepted, logged in the hash-chained audit
/// log, and answered with a ``Receipt`` carrying the audit-chain head.
public struct Registry: Sendable {
  public let oneWindow: OneWindow
  /// The database file, or `:memory:`.
  public let location: String
  /// Which rules the write commands run (all in force by default; replays may pick a rule-set
  /// date or switch rules off).
  public var rules = RuleSettings()
  let store: RegistryStore

  /// Opens the registry at `path` (created and migrated if needed); `nil` opens a fresh
  /// in-memory registry. `readOnly` opens an existing registry without ever writing to it.
  public init(oneWindow: OneWindow, path: String?, readOnly: Bool = false) throws(OneWindowError) {
    self.oneWindow = oneWindow
    self.location = path ?? ":memory:"
    do {
      store = try RegistryStore(location: path.map { .file($0) } ?? .memory, readOnly: readOnly)
    } catch {
      throw .registry(error.description)
    }
  }

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
    do { return try store.appliedMigrations() } catch { throw .registry(error.description) }
  }

  /// `PRAGMA integrity_check` of the database ("ok" when sound).
  public func integrityCheck() throws(OneWindowError) -> String {
    do { return try store.integrityCheck() } catch { throw .registry(String(describing: error)) }
  }

  /// A receipt issued earlier.
  public func receipt(_ number: String) throws(OneWindowError) -> Receipt? {
    do {
      return try store.read { transaction in try transaction.receipt(number).map { try JSONDecoder().decode(Receipt.self, from: Data($0.body.utf8)) } }
    } catch {
      throw .registry(String(describing: error))
    }
  }

  /// The verbatim bytes of the packet a receipt answered, with their SHA-256.
  public func packet(forReceipt number: String) throws(OneWindowError) -> (bytes: [UInt8], sha256: String)? {
    do {
      return try store.read { transaction in
        guard let id = try transaction.receipt(number)?.packetID else { return nil }
        return try transaction.packet(id: id)
      }
    } catch {
      throw .registry(String(describing: error))
    }
  }
}

extension Registry: RegistryLookup {
  public func findings(ofReceipt number: String) -> [Finding]? {
    (try? receipt(number))?.map(\.findings) ?? nil
  }

  /// The facts a packet refers to, read in one read transaction (for `validate --db`, which
  /// never writes).
  public func facts(for packet: Packet, asOf: CivilDate) throws(OneWindowError) -> RegistryFacts {
    do {
      return try store.read { transaction in try RegistryFactsBuilder.facts(for: packet, asOf: asOf, in: transaction) }
    } catch {
      throw .registry(String(describing: error))
    }
  }
}
