import Foundation
@testable import OneWindowKit
import OneWindowTestSupport
import OneWindowXML
import Testing
@testable import OneWindowValidation

/// `Schemas/MANIFEST` lists the shipped schemas, which compile, so OneWindow may compile each one
/// only when a packet of its family needs it; anything else is compiled whole up front.
struct SchemaManifestTests {
  @Test func manifestMatchesTheSchemas() throws {
    let paths = SchemaLibrary.entrySchemaPaths(under: Repository.schemas)
    let compiled = try SchemaSet(folder: Repository.schemas, entryPaths: paths)
    let text = SchemaManifest.text(folder: Repository.schemas, schemas: compiled)
    let stored = try #require(
      try Golden.expected(at: "Schemas/MANIFEST", actual: text),
      "Schemas/MANIFEST is missing; run with ONEWINDOW_UPDATE_GOLDENS=1")
    #expect(stored == text, "Schemas/MANIFEST is stale; regenerate it (see its first lines)")
  }

  @Test func knownEntriesAgreeWithTheCompiledSchemas() throws {
    let known = try #require(SchemaManifest.verifiedEntries(folder: Repository.schemas))
    let compiled = try SchemaSet(
      folder: Repository.schemas, entryPaths: SchemaLibrary.entrySchemaPaths(under: Repository.schemas))
    #expect(known.map { Repository.schemas + "/" + $0.path } == compiled.entries.map(\.path))
    #expect(known.map(\.targetNamespace) == compiled.entries.map(\.targetNamespace))
    #expect(known.map(\.roots) == compiled.entries.map(\.rootElements))
  }

  @Test func aChangedOrExtraSchemaIsCompiledUpFront() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.schemas), to: folder)
    #expect(SchemaManifest.verifiedEntries(folder: folder.path) != nil)
    let decision = folder.appendingPathComponent("decision/ReviewDecision-v1.xsd")
    let original = try Data(contentsOf: decision)
    try (original + Data("\n".utf8)).write(to: decision)
    #expect(SchemaManifest.verifiedEntries(folder: folder.path) == nil)
    try original.write(to: decision)
    try Data("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>".utf8)
      .write(to: folder.appendingPathComponent("common/Extra-v1.xsd"))
    #expect(SchemaManifest.verifiedEntries(folder: folder.path) == nil)
  }

  @Test func schemasCompiledOnFirstUseValidateAsBefore() throws {
    let oneWindow = try OneWindow(schemasFolder: Repository.schemas, dataFolder: Repository.data)
    let bytes = try Repository.bytes("SampleFilings/valid/prefiling/taixingli.xml")
    let report = oneWindow.validate(bytes: bytes, name: "taixingli.xml")
    #expect(report.outcome == .accepted)
    #expect(report.family == "prefiling")
  }
}
