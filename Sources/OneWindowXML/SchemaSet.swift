internal import CLibXML2

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
  /// Chinese label of every element, by path without indices (`RestaurantOpening/FoodLicence/Items/Item`).
  package let labelsByPath: [String: String]
  /// Chinese description of the expected format of every simple-typed element, by path
  /// (the first clause of its type's documentation, such as "SHA-256 摘要：64 位小写十六进制").
  package let formatsByPath: [String: String]
  /// Chinese label by element name (first one wins), for issues that carry no path.
  package let labelsByName: [String: String]
  package let compiled: CompiledSchema

  /// The label of the element at `path` (indices such as `[2]` and attributes are ignored).
  package func label(forPath path: String) -> String? {
    labelsByPath[SchemaEntry.pathKey(path)]
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

/// Every entry schema under a folder, compiled once per process.
package struct SchemaSet: Sendable {
  package let folder: String
  package let entries: [SchemaEntry]
  private let byRoot: [QualifiedName: Int]

  /// Compiles each entry schema. `entryPaths` are absolute paths below `folder`.
  ///
  /// - Throws: ``SchemaCompileError`` for the first schema that does not compile, or when two
  ///   schemas declare the same root element in the same namespace.
  package init(folder: String, entryPaths: [String]) throws(SchemaCompileError) {
    _ = LibXMLRuntime.ready
    var entries: [SchemaEntry] = []
    var byRoot: [QualifiedName: Int] = [:]
    for path in entryPaths.sorted() {
      let compiled = try CompiledSchema(path: path, loadRoot: folder)
      guard let description = SchemaDescription(path: path) else {
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
      var labels = FieldLabels()
      for root in description.roots { labels.add(root, path: "", types: description.simpleTypes) }
      let roots = description.roots.map(\.name)
      let entry = SchemaEntry(
        family: family, path: path, targetNamespace: description.targetNamespace,
        rootElements: roots, labelsByPath: labels.byPath, formatsByPath: labels.formats,
        labelsByName: labels.byName, compiled: compiled)
      for root in roots {
        let name = QualifiedName(namespace: description.targetNamespace, localName: root)
        if byRoot[name] != nil {
          throw SchemaCompileError(
            path: path,
            issues: [
              XMLIssue(
                stage: .schemaCompile, code: 0, level: .error,
                message: "root element \(name) is declared by two entry schemas", file: path)
            ])
        }
        byRoot[name] = entries.count
      }
      entries.append(entry)
    }
    self.folder = folder
    self.entries = entries
    self.byRoot = byRoot
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
private struct FieldLabels {
  var byPath: [String: String] = [:]
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
