import Foundation
import OneWindowXML
public import OneWindowValidation

/// The human schema reference (`Documentation/Schemas.md`), generated from the XSDs so it cannot
/// drift: per family, every element with its Chinese and English label, type and cardinality,
/// then every code list and format.
enum SchemaReference {
  static func markdown(schemas: SchemaSet) -> String {
    var out = """
      # OneWindow packet schemas (v1)

      Generated from the XSDs in `Schemas/`; a test fails when this file is stale. To regenerate it:
      `ONEWINDOW_UPDATE_GOLDENS=1 swift test --filter SchemaReferenceTests`.

      Each family has one entry schema, `Schemas/<family>/<Family>-v1.xsd`, with the target
      namespace `urn:onewindow:<family>:v1`. Simple types live in `urn:onewindow:common:v1`
      (`Schemas/common/CommonTypes-v1.xsd`); shared structures are included into each family's
      namespace (`Schemas/common/*Structures-v1.xsd`). Element paths below are relative to the root.
      *Occurs* gives `min..max`; alternatives of one choice share a letter (`choice A`).


      """
    var simpleTypes: [String: SchemaDescription.SimpleType] = [:]
    let prefix = schemas.folder.hasSuffix("/") ? schemas.folder : schemas.folder + "/"
    out += "| Family | File | Roots |\n| --- | --- | --- |\n"
    for entry in schemas.entries {
      let file = entry.path.hasPrefix(prefix) ? String(entry.path.dropFirst(prefix.count)) : entry.path
      out += "| [\(entry.family)](#\(entry.family)) | `Schemas/\(file)` | \(entry.rootElements.joined(separator: ", ")) |\n"
    }
    let descriptions = schemas.entries.map { ($0.family, SchemaDescription(path: $0.path)) }
    for case (_, let description?) in descriptions {
      simpleTypes.merge(description.simpleTypes) { first, _ in first }
    }
    let linkable = Set(simpleTypes.keys)
    for case (let family, let description?) in descriptions {
      out += "\n## \(family)\n\nNamespace `\(description.targetNamespace ?? "(none)")`.\n"
      for root in description.roots {
        out += "\n### \(root.name)\n\n\(root.zh)\n\n\(root.en)\n\n"
        out += "| Element | 中文 | English | Type | Occurs |\n| --- | --- | --- | --- | --- |\n"
        rows(of: root, path: "", linkable: linkable, into: &out)
      }
    }
    out += "\n## Code lists and formats\n"
    for name in simpleTypes.keys.sorted() {
      guard let type = simpleTypes[name] else { continue }
      out += "\n### \(name)\n\n\(type.zh)\n\n\(type.en)\n\n"
      out += "Base `\(type.base)`"
      if !type.facets.isEmpty {
        out += "; " + type.facets.map { "`\($0)`" }.joined(separator: ", ")
      }
      out += ".\n"
      if !type.enumerations.isEmpty {
        out += "\n| Code | 中文 | English |\n| --- | --- | --- |\n"
        for value in type.enumerations {
          out += "| `\(value.value)` | \(cell(value.zh)) | \(cell(value.en)) |\n"
        }
      }
    }
    return out
  }

  private static func rows(
    of element: SchemaDescription.Element, path: String, linkable: Set<String>, into out: inout String
  ) {
    func typeName(_ name: String) -> String { Self.typeName(name, linkable: linkable) }
    for attribute in element.attributes {
      out += "| `\(path.isEmpty ? "" : path + "/")@\(attribute.name)` |  |  | \(typeName(attribute.typeName)) | "
      out += attribute.required ? "required |\n" : "optional |\n"
    }
    for child in element.children {
      let childPath = path.isEmpty ? child.name : path + "/" + child.name
      var occurs = "\(child.minOccurs)..\(child.maxOccurs.map(String.init) ?? "n")"
      if child.minOccurs == 1, child.maxOccurs == 1 { occurs = "1" }
      if child.choiceGroup > 0 {
        let letter = Character(UnicodeScalar(UInt8(64 + min(child.choiceGroup, 26))))
        occurs += " (choice \(letter))"
      }
      let type = child.typeName.map(typeName) ?? (child.children.isEmpty ? "" : "(structure)")
      out += "| `\(childPath)` | \(cell(child.zh)) | \(cell(child.en)) | \(type) | \(occurs) |\n"
      rows(of: child, path: childPath, linkable: linkable, into: &out)
    }
  }

  private static func typeName(_ name: String, linkable: Set<String>) -> String {
    if name.hasPrefix("enum(") {
      return "code: " + name.dropFirst(5).dropLast().split(separator: "|").joined(separator: ", ")
    }
    let local = name.split(separator: ":").last.map(String.init) ?? name
    if name.hasPrefix("xs:") { return "`\(name)`" }
    return linkable.contains(local) ? "[\(local)](#\(local.lowercased()))" : local
  }

  private static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}

extension OneWindow {
  /// The schema reference in Markdown (what `Documentation/Schemas.md` holds).
  public func schemaReference() -> String { SchemaReference.markdown(schemas: schemas) }
}
