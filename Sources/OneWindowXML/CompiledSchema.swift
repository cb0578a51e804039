internal import CLibXML2

/// A schema that would not compile, with what libxml2 said about it.
package struct SchemaCompileError: Error, Sendable {
  package var path: String
  package var issues: [XMLIssue]

  package var summary: String {
    let first = issues.first(where: { $0.level >= .error }) ?? issues.first
    guard let first else { return "schema '\(path)' did not compile" }
    let file = first.file ?? path
    return "schema '\(path)' did not compile: \(file):\(first.line): \(first.message)"
  }
}

/// A compiled XSD (`xmlSchemaPtr`), shared read-only by every validating thread.
///
/// `@unchecked Sendable` because the pointer is written once, in `init`, and afterwards only read
/// by `xmlSchemaNewValidCtxt`; each thread validates with its own context. This sharing was
/// checked with ThreadSanitizer and helgrind (see `reference/swift-libxml2.md` and the
/// concurrency test in `OneWindowXMLTests`).
package final class CompiledSchema: @unchecked Sendable {
  let pointer: xmlSchemaPtr
  package let path: String
  /// Warnings libxml2 reported while compiling.
  package let warnings: [XMLIssue]

  /// Compiles the schema at `path`. Includes and imports resolve relative to that file; only
  /// files below `loadRoot` may be read.
  package init(path: String, loadRoot: String) throws(SchemaCompileError) {
    _ = LibXMLRuntime.ready
    LibXMLRuntime.allowLoads(below: loadRoot)
    let collector = IssueCollector()
    collector.reset(stage: .schemaCompile)
    guard let parserContext = xmlSchemaNewParserCtxt(path) else {
      throw SchemaCompileError(path: path, issues: [])
    }
    defer { xmlSchemaFreeParserCtxt(parserContext) }
    // Sub-parsers for xs:include / xs:import report through the thread-local channel.
    let compiled: xmlSchemaPtr? = LibXMLRuntime.withHandlers(collector) {
      xmlSchemaSetParserStructuredErrors(parserContext, Callbacks.collect, collector.opaque)
      return xmlSchemaParse(parserContext)
    }
    guard let compiled, !collector.issues.contains(where: { $0.level >= .error }) else {
      if let compiled { xmlSchemaFree(compiled) }
      throw SchemaCompileError(path: path, issues: collector.issues)
    }
    self.pointer = compiled
    self.path = path
    self.warnings = collector.issues
  }

  deinit { xmlSchemaFree(pointer) }
}
