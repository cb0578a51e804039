import Foundation
import OneWindowTestSupport
import OneWindowXML

/// The repository's schemas, compiled once for the whole test run.
let sharedSchemas: SchemaSet = {
  let folder = Repository.schemas
  let paths = ["prefiling/PreFiling-v1.xsd"].map { folder + "/" + $0 }
  do throws(SchemaCompileError) {
    return try SchemaSet(folder: folder, entryPaths: paths)
  } catch {
    preconditionFailure("schemas did not compile: \(error.summary)")
  }
}()

/// The valid pre-filing sample's text, for tests that break one thing in it.
let validPreFiling: String = {
  let data = (try? Repository.bytes("SampleFilings/valid/prefiling/taixingli.xml")) ?? []
  return String(decoding: data, as: UTF8.self)
}()

/// Checks `text` (UTF-8) with a fresh validator.
func check(_ text: String, limits: ParseLimits = ParseLimits()) -> XMLCheck<Void> {
  check(bytes: Array(text.utf8), limits: limits)
}

func check(bytes: [UInt8], limits: ParseLimits = ParseLimits()) -> XMLCheck<Void> {
  guard let validator = PacketValidator(schemas: sharedSchemas, limits: limits) else {
    preconditionFailure("no parser context")
  }
  return bytes.withUnsafeBytes { validator.check($0, name: "test.xml") { _, _ in () } }
}

/// `validPreFiling` with the first occurrence of `old` replaced by `new`.
func preFiling(replacing old: String, with new: String) -> String {
  guard let range = validPreFiling.range(of: old) else {
    preconditionFailure("fixture text not found: \(old)")
  }
  return validPreFiling.replacingCharacters(in: range, with: new)
}

/// The 1-based line of the first occurrence of `text` in `document`.
func line(of text: String, in document: String) -> Int {
  guard let range = document.range(of: text) else { return 0 }
  return document[..<range.lowerBound].count(where: { $0 == "\n" }) + 1
}

extension XMLCheck {
  /// (code, line, path) of each issue, for exact comparisons.
  var summary: [String] {
    issues.map { "\($0.stage.rawValue) \($0.code) \($0.line) \($0.path ?? "-")" }
  }
}
