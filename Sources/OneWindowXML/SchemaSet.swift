internal import CLibXML2
import Dispatch
import Synchronization

/// A root element name with its namespace.
package struct QualifiedName: Sendable, Hashable, CustomStringConvertible {
  package var namespace: String?
  package var localName: String

  package init(namespace: String?, localName: String) {
    self.namespace = namespace
    self.localName = localName
  }

  package var description: String {
    namespace.map { "{\($0)}\(localName)" } ?? localName
  }
}

/// One entry schema: a packet family, its namespace and the root elements it declares.
package struct SchemaEntry: Sendable {
  /// The family's folder name under `Schemas/` (for example `prefiling`).
  package let family: String
  package let path: String
  package let targetNamespace: String?
  /// Global element declarations: the roots a packet of this family may have.
  package let rootElements: [String]
  private let compilation: SchemaCompilation
  private let tables: LabelTables

  fileprivate init(family: String, path: String, roots: SchemaRoots, compilation: SchemaCompilation) {
    self.family = family
    self.path = path
    self.targetNamespace = roots.targetNamespace
    self.rootElements = roots.names
    self.compilation = compilation
    self.tables = LabelTables(path: path)
  }

  /// The compiled schema (compiled now if this set compiles on first use).
  package func compiled() throws(SchemaCompileError) -> CompiledSchema {
    try compilation.result.get()
  }

  /// Chinese label of every element, by path without indices (`RestaurantOpening/FoodLicence/Items/Item`).
  package var labelsByPath: [String: String] { tables.value.byPath }
  /// Chinese description of the expected format of every simple-typed element, by path
  /// (the first clause of its type's documentation, such as "SHA-256 摘要：64 位小写十六进制").
  package var formatsByPath: [String: String] { tables.value.formats }
  /// Chinese label by element name (first one wins), for issues that carry no path.
  package var labelsByName: [String: String] { tables.value.byName }

  /// The label of the element at `path` (indices such as `[2]` and attributes are ignored).
  package func label(forPath path: String) -> String? {
    labelsByPath[SchemaEntry.pathKey(path)]
  }

  /// The English label of the element at `path`, from its English documentation.
  package func englishLabel(forPath path: String) -> String? {
    tables.value.englishByPath[SchemaEntry.pathKey(path)]
  }

  /// The expected format of the element at `path`.
  package func format(forPath path: String) -> String? {
    formatsByPath[SchemaEntry.pathKey(path)]
  }

  /// `/A/B[2]/C/@id` → `A/B/C`.
  static func pathKey(_ path: String) -> String {
    path.split(separator: "/").filter { !$0.hasPrefix("@") }.map { step in
      step.firstIndex(of: "[").map { step[..<$0] } ?? step
    }.joined(separator: "/")
  }
}

/// An entry schema's labels and formats, read from its documentation the first time a report
/// needs them: reading every schema's documentation cost more than compiling the schemas, and
/// valid packets never need it.
private final class LabelTables: Sendable {
  let path: String
  private let state = Mutex<FieldLabels?>(nil)

  init(path: String) { self.path = path }

  var value: FieldLabels {
    state.withLock { tables in
      if let tables { return tables }
      var labels = FieldLabels()
      if let description = SchemaDescription(path: path) {
        for root in description.roots { labels.add(root, path: "", types: description.simpleTypes) }
      }
      tables = labels
      return labels
    }
  }
}

/// An entry schema compiled up front, or compiled the first time it is needed.
private final class SchemaCompilation: Sendable {
  private let path: String
  private let loadRoot: String
  private let state: Mutex<Result<CompiledSchema, SchemaCompileError>?>

  init(_ compiled: CompiledSchema) {
    path = compiled.path
    loadRoot = ""
    state = Mutex(.success(compiled))
  }

  init(path: String, loadRoot: String) {
    self.path = path
    self.loadRoot = loadRoot
    state = Mutex(nil)
  }

  var result: Result<CompiledSchema, SchemaCompileError> {
    state.withLock { state in
      if let state { return state }
      let result: Result<CompiledSchema, SchemaCompileError>
      do throws(SchemaCompileError) {
        result = .success(try CompiledSchema(path: path, loadRoot: loadRoot))
      } catch {
        result = .failure(error)
      }
      state = result
      return result
    }
  }
}

/// Every entry schema under a folder, compiled once per process.
package struct SchemaSet: Sendable {
  package let folder: String
  package let entries: [SchemaEntry]
  private let byRoot: [QualifiedName: Int]

  /// Compiles each entry schema (in parallel; the compiled schemas are independent). `entryPaths`
  /// are absolute paths below `folder`.
  ///
  /// - Throws: ``SchemaCompileError`` for the first schema (in path order) that does not compile,
  ///   or when two schemas declare the same root element in the same namespace.
  package init(folder: String, entryPaths: [String]) throws(SchemaCompileError) {
    _ = LibXMLRuntime.ready
    let paths = entryPaths.sorted()
    // Each schema's compilation and its roots, read in parallel (the schemas are independent).
    let results = Mutex<[(schema: Result<CompiledSchema, SchemaCompileError>, roots: SchemaRoots?)?]>(
      Array(repeating: nil, count: paths.count))
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      let schema: Result<CompiledSchema, SchemaCompileError>
      do throws(SchemaCompileError) {
        schema = .success(try CompiledSchema(path: paths[index], loadRoot: folder))
      } catch {
        schema = .failure(error)
      }
      let roots = SchemaRoots(path: paths[index])
      results.withLock { $0[index] = (schema, roots) }
    }
    let compiled = results.withLock { $0 }
    var entries: [SchemaEntry] = []
    for (index, path) in paths.enumerated() {
      guard let result = compiled[index], case .success(let schema) = result.schema else {
        if case .failure(let error)? = compiled[index]?.schema { throw error }
        throw SchemaCompileError(path: path, issues: [])
      }
      guard let roots = result.roots else {
        throw SchemaCompileError(
          path: path,
          issues: [
            XMLIssue(
              stage: .schemaCompile, code: 0, level: .error, message: "cannot read the schema",
              file: path)
          ])
      }
      let components = path.split(separator: "/")
      let family = components.count >= 2 ? String(components[components.count - 2]) : path
      entries.append(SchemaEntry(family: family, path: path, roots: roots, compilation: SchemaCompilation(schema)))
    }
    self.folder = folder
    self.entries = entries
    self.byRoot = try Self.index(entries)
  }

  /// A set whose schemas are compiled the first time a packet of their family needs them, for
  /// a folder whose files are known to compile (the shipped schemas, checked by digest): routing
  /// packets needs only each entry's namespace and roots, given here.
  ///
  /// - Throws: ``SchemaCompileError`` when two entries declare the same root.
  package init(
    folder: String, knownEntries: [(path: String, targetNamespace: String?, roots: [String])]
  ) throws(SchemaCompileError) {
    // Nothing is compiled yet, but reading the schemas' documentation (labels, the schema
    // reference) must be able to follow their includes and imports.
    LibXMLRuntime.allowLoads(below: folder)
    let entries = knownEntries.sorted { $0.path < $1.path }.map { known in
      let components = known.path.split(separator: "/")
      let family = components.count >= 2 ? String(components[components.count - 2]) : known.path
      return SchemaEntry(
        family: family, path: known.path,
        roots: SchemaRoots(targetNamespace: known.targetNamespace, names: known.roots),
        compilation: SchemaCompilation(path: known.path, loadRoot: folder))
    }
    self.folder = folder
    self.entries = entries
    self.byRoot = try Self.index(entries)
  }

  /// Entry index by root element; two entries declaring the same root are refused.
  private static func index(_ entries: [SchemaEntry]) throws(SchemaCompileError) -> [QualifiedName: Int] {
    var byRoot: [QualifiedName: Int] = [:]
    for (index, entry) in entries.enumerated() {
      for root in entry.rootElements {
        let name = QualifiedName(namespace: entry.targetNamespace, localName: root)
        if byRoot[name] != nil {
          throw SchemaCompileError(
            path: entry.path,
            issues: [
              XMLIssue(
                stage: .schemaCompile, code: 0, level: .error,
                message: "root element \(name) is declared by two entry schemas", file: entry.path)
            ])
        }
        byRoot[name] = index
      }
    }
    return byRoot
  }

  /// The entry schema that declares `root`, or nil for an unknown packet.
  package func entry(for root: QualifiedName) -> SchemaEntry? {
    byRoot[root].map { entries[$0] }
  }

  package func index(for root: QualifiedName) -> Int? { byRoot[root] }

  /// Every root this set knows, for messages about unknown packets.
  package var knownRoots: [QualifiedName] {
    byRoot.keys.sorted { $0.description < $1.description }
  }
}

/// Flattens a schema description into labels and formats by element path.
private struct FieldLabels: Sendable {
  var byPath: [String: String] = [:]
  var englishByPath: [String: String] = [:]
  var formats: [String: String] = [:]
  var byName: [String: String] = [:]

  mutating func add(
    _ element: SchemaDescription.Element, path: String,
    types: [String: SchemaDescription.SimpleType]
  ) {
    let key = path.isEmpty ? element.name : path + "/" + element.name
    let label = Self.firstClause(of: element.zh)
    if !label.isEmpty {
      byPath[key] = label
      if byName[element.name] == nil { byName[element.name] = label }
    }
    let english = Self.firstClause(of: element.en)
    if !english.isEmpty { englishByPath[key] = english }
    if let typeName = element.typeName,
      let type = types[String(typeName.split(separator: ":").last ?? Substring(typeName))],
      let format = type.zh.split(whereSeparator: { $0 == "；" || $0 == "。" }).first
    {
      formats[key] = String(format)
    }
    for child in element.children { add(child, path: key, types: types) }
  }

  /// The label part of a documentation text: up to the first separator.
  static func firstClause(of text: String) -> String {
    let stops: Set<Character> = ["：", "。", "；", "，", ":", "(", "（"]
    return String(text.prefix { !stops.contains($0) && $0 != "\n" })
      .trimmingTrailingWhitespace()
  }
}
