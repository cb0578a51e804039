internal import CLibXML2
import Synchronization

/// One-time libxml2 set-up and the guard on what libxml2 may load.
///
/// What OneWindow changes in libxml2's process-wide and thread-wide state, and how a host
/// application embedding OneWindow is left undisturbed:
/// - `xmlInitParser` and `xmlSchemaInitTypes` run once (``ready``), before libxml2 is used from
///   several threads (`xmlSchemaInitTypes` is racy in 2.9.x). Both are idempotent for a host.
/// - The external-entity loader is process-wide in libxml2 2.9 (there is no per-context loader
///   before 2.14). OneWindow installs its loader once, keeping the host's previous one: inside
///   OneWindow's own calls it refuses everything except schema files below a registered schema
///   folder (no network, no arbitrary file, whatever a packet or schema says); outside them it
///   hands every request to the host's loader unchanged.
/// - Error handlers are per thread: each OneWindow call (``withHandlers(_:_:)``) saves the
///   thread's structured and generic handlers, routes libxml2's reports into its own collector
///   (nothing is printed), and puts the host's handlers back when it returns.
enum LibXMLRuntime {
  /// Runs the set-up exactly once, from whichever thread touches it first.
  static let ready: Void = {
    xmlInitParser()
    xmlSchemaInitTypes()
    hostLoader.withLock { $0 = HostLoader(function: xmlGetExternalEntityLoader()) }
    xmlSetExternalEntityLoader(LibXMLRuntime.guardedLoader)
  }()

  /// The loader that was installed before OneWindow's (libxml2's default, or a host's own).
  private struct HostLoader: @unchecked Sendable {
    // A C function pointer, set once under the lock and only read afterwards.
    var function: xmlExternalEntityLoader?
  }

  private static let hostLoader = Mutex<HostLoader>(HostLoader(function: nil))

  /// Runs `body` as one OneWindow call into libxml2 on this thread: libxml2's reports go to
  /// `collector`, the entity loader applies OneWindow's guard, and the thread's own handlers are
  /// restored afterwards.
  static func withHandlers<T>(_ collector: IssueCollector, _ body: () throws -> T) rethrows -> T {
    _ = ready
    let saved = onewindow_enter(Callbacks.collect, collector.opaque)
    defer { onewindow_leave(saved) }
    return try withExtendedLifetime(collector) { try body() }
  }

  /// Folders whose files may be loaded (schema includes and imports). Nothing else is loadable.
  private static let loadableFolders = Mutex<[String]>([])

  /// Allows libxml2 to read files below `folder` (used while compiling schemas).
  static func allowLoads(below folder: String) {
    _ = ready
    let normalised = folder.hasSuffix("/") ? folder : folder + "/"
    loadableFolders.withLock { folders in
      if !folders.contains(normalised) { folders.append(normalised) }
    }
  }

  /// Whether `location` names a local file below an allowed folder, with no `..` step.
  static func mayLoad(_ location: String) -> Bool {
    var path = location
    if path.hasPrefix("file://") { path.removeFirst("file://".count) }
    guard path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { return false }
    return loadableFolders.withLock { folders in folders.contains { path.hasPrefix($0) } }
  }

  /// The external-entity loader: inside OneWindow's calls, refuses network and out-of-tree
  /// locations outright; outside them, the host's loader decides.
  private static let guardedLoader: xmlExternalEntityLoader = { url, id, context in
    guard onewindow_in_call() != 0 else {
      let host = LibXMLRuntime.hostLoader.withLock { $0.function }
      return host?(url, id, context)
    }
    guard let url, LibXMLRuntime.mayLoad(String(cString: url)) else { return nil }
    return xmlNoNetExternalEntityLoader(url, id, context)
  }

  /// The libxml2 version this process runs against, for reports and `--version`.
  static var runtimeVersion: String {
    _ = ready
    return onewindow_xml_runtime_version().map { String(cString: $0) } ?? "unknown"
  }
}

/// The version of the libxml2 library loaded at run time (for example `20914`).
package func libxml2RuntimeVersion() -> String { LibXMLRuntime.runtimeVersion }

/// The calling thread's libxml2 error handlers as a host application sets them: for tests that
/// check OneWindow puts them back after each call.
package enum LibXMLHostHandlers {
  /// The structured and generic error contexts of this thread, as addresses.
  package static var contexts: (structured: Int, generic: Int) {
    (Int(bitPattern: onewindow_structured_context()), Int(bitPattern: onewindow_generic_context()))
  }

  /// Installs handlers that ignore errors, with these contexts (addresses), as a host would
  /// install its own.
  package static func install(structured: Int, generic: Int) {
    _ = LibXMLRuntime.ready
    onewindow_install_host_handlers(UnsafeMutableRawPointer(bitPattern: structured), UnsafeMutableRawPointer(bitPattern: generic))
  }
}
