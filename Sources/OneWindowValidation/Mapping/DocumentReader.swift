import OneWindowXML

extension OneWindow {
  /// Reads a document OneWindow itself defines (a receipt kept by an applicant, a replay
  /// scenario) with the same hardened parser and schemas as packets, mapping it through
  /// ``PacketElement``.
  ///
  /// - Parameters:
  ///   - root: the root element's local name the document must have.
  ///   - map: builds the value from the schema-valid root; nil when it cannot.
  /// - Returns: the value, or why the document is not a valid one: the first libxml2 problem, or
  ///   that its root is not `root`.
  package func readDocument<T>(
    bytes: [UInt8], name: String, root: String, map: (PacketElement) -> T?
  ) throws(OneWindowError) -> Result<T, DocumentProblem> {
    let checker = try PacketChecker(schemas: schemas, policy: policy, options: ValidationOptions())
    let check = bytes.withUnsafeBytes { raw in
      checker.validator.check(raw, name: name) { element, _ -> T? in
        let document = PacketElement(root: element, map: SourceMapBuilder())
        guard document.name == root else { return nil }
        return map(document)
      }
    }
    if let mapped = check.mapped, let value = mapped { return .success(value) }
    return .failure(
      DocumentProblem(description: check.issues.first.map { "line \($0.line): \($0.message)" } ?? "the root is not \(root)"))
  }

  /// A document file read whole under a size cap.
  package func readFile(_ path: String, cap: Int) throws(OneWindowError) -> [UInt8] {
    switch try FileBytes.load(path, cap: cap) {
    case .bytes(let bytes): return bytes
    case .oversize(let size): throw .unreadable(path: path, reason: "the file is \(size) bytes, over \(cap)")
    }
  }
}

/// Why a document is not the valid document expected.
package struct DocumentProblem: Error, Sendable, CustomStringConvertible {
  package var description: String
}
