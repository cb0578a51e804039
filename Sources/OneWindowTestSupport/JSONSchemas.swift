import Foundation

/// The JSON Schemas of the JSON outputs (`Schemas/json`), checked by `scripts/json-schemas.py`
/// (Python's jsonschema, draft 2020-12).
public enum JSONSchemas {
  /// One JSON output and the schema it should validate against (`receipt` for
  /// `Schemas/json/receipt.schema.json`).
  public struct Document: Sendable {
    public var schema: String
    public var label: String
    public var text: String

    public init(schema: String, label: String, text: String) {
      self.schema = schema
      self.label = label
      self.text = text
    }

    /// The file name the check reports it under: `<schema>@<label>.json`.
    public var fileName: String { "\(schema)@\(label).json" }
  }

  /// The schema files' stems (`receipt`, `validation-report`…), sorted.
  public static var stems: [String] {
    Repository.files(under: "Schemas/json", suffix: ".schema.json").map {
      String($0.dropFirst("Schemas/json/".count).dropLast(".schema.json".count))
    }.sorted()
  }

  /// The check's report: one line per document, `<file>: ok` or one line per error, sorted by file.
  public static func check(_ documents: [Document]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-schemas-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for document in documents {
      try Data(document.text.utf8).write(to: folder.appendingPathComponent(document.fileName))
    }
    return try Python.run(script: "scripts/json-schemas.py", arguments: ["check", folder.path])
  }

  /// What a check of `documents` reports when every one validates.
  public static func allValid(_ documents: [Document]) -> String {
    documents.map(\.fileName).sorted().map { "\($0): ok\n" }.joined()
  }
}
