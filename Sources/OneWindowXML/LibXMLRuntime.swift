internal import CLibXML2
import Synchronization

/// One-time libxml2 set-up and the process-wide guard on what libxml2 may load.
///
/// libxml2 must be initialised once before it is used from several threads
/// (`xmlInitParser`, and `xmlSchemaInitTypes`, which is racy in 2.9.x). The external-entity
/// loader is process-wide state in libxml2; ours refuses everything except schema files below
/// a registered schema folder, so neither a packet nor a schema can reach the network or an
/// arbitrary file.
enum LibXMLRuntime {
  /// Runs the set-up exactly once, from whichever thread touches it first.
  static let ready: Void = {
    xmlInitParser()
    xmlSchemaInitTypes()
    onewindow_silence_generic_errors()
    xmlSetExternalEntityLoader(LibXMLRuntime.guardedLoader)
  }()

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

  /// The external-entity loader: refuses network and out-of-tree locations outright.
  private static let guardedLoader: xmlExternalEntityLoader = { url, id, context in
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
