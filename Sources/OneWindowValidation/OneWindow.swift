public import Foundation
public import OneWindowCore
package import OneWindowXML
import Synchronization

/// The embeddable facade: validate packets from bytes, files or folders.
///
/// Compiles the schemas once (per process and folder) and checks any number of packets, in
/// parallel when asked. All results are `Sendable` values; nothing from libxml2 leaks out.
///
/// ```swift
/// let oneWindow = try OneWindow()
/// let report = oneWindow.validate(bytes: Array(xml.utf8), name: "packet.xml")
/// print(report.outcome)
/// ```
public struct OneWindow: Sendable {
  /// The folder the schemas were compiled from.
  public let schemasFolder: String
  /// The folder the calendars and the policy come from.
  public let dataFolder: String
  /// The policy values in force (`Data/policy.json`).
  public let policy: Policy
  /// The working-day calendar (`Data/calendar/<year>.json`); refuses years it has no notice for.
  public let calendar: WorkingCalendar
  package let schemas: SchemaSet
  /// The "one thing" bundle definitions in force (`Data/bundles/` and any extra folders), with
  /// those refused at load and why.
  public private(set) var bundleDefinitions: BundleDefinitions = .none

  /// Loads the schemas and data from the given folders, or from the usual places
  /// (see ``ResourceLocator``), and the bundle definitions of `<data>/bundles/`, of
  /// `definitionsFolders` and of `$ONEWINDOW_DEFINITIONS` (folders separated by `:`). A refused
  /// definition never stops the load: it is listed in ``BundleDefinitions/refused``.
  public init(
    schemasFolder: String? = nil, dataFolder: String? = nil, definitionsFolders: [String] = []
  ) throws(OneWindowError) {
    let folder = try ResourceLocator.folder(.schemas, explicit: schemasFolder)
    let data = try ResourceLocator.folder(.data, explicit: dataFolder)
    self.schemasFolder = folder
    self.dataFolder = data
    self.schemas = try SchemaLibrary.schemaSet(folder: folder)
    self.policy = try PolicyLoader.load(dataFolder: data)
    self.calendar = try CalendarLoader.load(dataFolder: data)
    let fromEnvironment = (ProcessInfo.processInfo.environment["ONEWINDOW_DEFINITIONS"] ?? "")
      .split(separator: ":").map(String.init).filter { !$0.isEmpty }
    self.bundleDefinitionsExtraFolders = definitionsFolders + fromEnvironment
    self.bundleDefinitions = loadBundleDefinitions(extraFolders: bundleDefinitionsExtraFolders)
  }

  /// This instance with the definitions of `folders` added (checked against those loaded).
  public func addingDefinitions(from folders: [String]) -> OneWindow {
    guard !folders.isEmpty else { return self }
    var copy = self
    var loader = BundleDefinitionLoader(oneWindow: self)
    copy.bundleDefinitions = loader.load(folders: [definitionsFolder] + bundleDefinitionsExtraFolders + folders)
    copy.bundleDefinitionsExtraFolders += folders
    return copy
  }

  /// Extra folders the definitions came from, besides `<data>/bundles/`.
  private var bundleDefinitionsExtraFolders: [String] = []

  /// The packet families this instance knows: family name → root elements.
  public var families: [String: [String]] {
    Dictionary(schemas.entries.map { ($0.family, $0.rootElements) }, uniquingKeysWith: +)
  }

  /// Checks one packet held in memory: XML, or a zip packet (bytes starting `PK\u{3}\u{4}`).
  public func validate(
    bytes: [UInt8], name: String, options: ValidationOptions = ValidationOptions()
  ) -> PacketReport {
    validate([PacketSource(displayName: name, kind: .memory(bytes: bytes))], options: options)[0]
  }

  /// Checks one packet file, a zip packet, or a packet folder holding `packet.xml`.
  public func validate(url: URL, options: ValidationOptions = ValidationOptions()) -> PacketReport {
    var isDirectory: ObjCBool = false
    let path = url.path
    let source =
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
      ? PacketSource(displayName: path, kind: .folder(path: path)) : PacketSourceCollector.source(file: path)
    return validate([source], options: options)[0]
  }

  /// Checks many packets, in order, with `options.jobs` workers.
  ///
  /// Each worker has its own parser and validation contexts; the compiled schemas are shared.
  /// Reports come back in the order of `sources`, whatever order the workers finish in.
  public func validate(_ sources: [PacketSource], options: ValidationOptions = ValidationOptions())
    -> [PacketReport]
  {
    let workers = max(1, min(options.jobs, sources.count))
    if workers == 1 {
      guard let checker = try? PacketChecker(schemas: schemas, policy: policy, options: options, definitions: bundleDefinitions) else {
        return sources.map(Self.parserUnavailable)
      }
      return sources.map { checker.check($0) }
    }
    let next = Atomic<Int>(0)
    let results = Mutex<[PacketReport?]>(Array(repeating: nil, count: sources.count))
    let schemas = self.schemas
    let policy = self.policy
    let definitions = self.bundleDefinitions
    var options = options
    options.asOf = options.referenceDate  // one reference date for every worker
    DispatchQueue.concurrentPerform(iterations: workers) { [options] _ in
      let checker = try? PacketChecker(schemas: schemas, policy: policy, options: options, definitions: definitions)
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < sources.count else { break }
        let report = checker?.check(sources[index]) ?? Self.parserUnavailable(sources[index])
        results.withLock { $0[index] = report }
      }
    }
    return results.withLock { $0 }.enumerated().map { index, report in
      report ?? Self.parserUnavailable(sources[index])
    }
  }

  /// Checks many packets like ``validate(_:options:)``, handing each report to `body` as soon
  /// as it and every report before it are done, in the order of `sources`, and keeping none.
  ///
  /// Memory stays flat however many packets there are, and a caller can print as it goes.
  /// `body` is called on one thread at a time, with the index of the packet in `sources`.
  public func validate(
    _ sources: [PacketSource], options: ValidationOptions = ValidationOptions(),
    each body: @Sendable (Int, PacketReport) -> Void
  ) {
    let workers = max(1, min(options.jobs, sources.count))
    if workers == 1 {
      let checker = try? PacketChecker(schemas: schemas, policy: policy, options: options, definitions: bundleDefinitions)
      for (index, source) in sources.enumerated() {
        body(index, checker?.check(source) ?? Self.parserUnavailable(source))
      }
      return
    }
    let next = Atomic<Int>(0)
    // Reports finished ahead of their turn, and the index of the next one to hand over.
    let delivery = Mutex<(pending: [Int: PacketReport], next: Int)>(([:], 0))
    let schemas = self.schemas
    let policy = self.policy
    let definitions = self.bundleDefinitions
    var options = options
    options.asOf = options.referenceDate  // one reference date for every worker
    DispatchQueue.concurrentPerform(iterations: workers) { [options] _ in
      let checker = try? PacketChecker(schemas: schemas, policy: policy, options: options, definitions: definitions)
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < sources.count else { break }
        let report = checker?.check(sources[index]) ?? Self.parserUnavailable(sources[index])
        delivery.withLock { state in
          state.pending[index] = report
          while let ready = state.pending.removeValue(forKey: state.next) {
            body(state.next, ready)
            state.next += 1
          }
        }
      }
    }
  }

  // MARK: - Async

  /// Checks one packet held in memory, off the caller's thread (an HTTP server's event loop, a
  /// task): see ``validate(bytes:name:options:)``.
  public func validate(
    bytes: [UInt8], name: String, options: ValidationOptions = ValidationOptions()
  ) async -> PacketReport {
    await validate([PacketSource(displayName: name, kind: .memory(bytes: bytes))], options: options)[0]
  }

  /// Checks many packets with `options.jobs` workers, off the caller's thread; reports in the
  /// order of `sources`.
  public func validate(_ sources: [PacketSource], options: ValidationOptions = ValidationOptions()) async
    -> [PacketReport]
  {
    await Offload.run { () -> [PacketReport] in self.validate(sources, options: options) }
  }

  private static func parserUnavailable(_ source: PacketSource) -> PacketReport {
    PacketReport(
      source: source.displayName, outcome: .couldNotRun,
      failure: OneWindowError.parserUnavailable.description)
  }
}
