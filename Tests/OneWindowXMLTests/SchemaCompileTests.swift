import Foundation
import OneWindowTestSupport
import OneWindowXML
import Testing

/// Schemas compile from files, resolve includes relative to themselves, and never load from
/// outside their folder or the network.
struct SchemaCompileTests {
  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-xsd-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func findsRootsNamespacesAndChineseLabels() throws {
    let entry = try #require(sharedSchemas.entries.first { $0.family == "prefiling" })
    #expect(entry.family == "prefiling")
    #expect(entry.targetNamespace == "urn:onewindow:prefiling:v1")
    #expect(entry.rootElements == ["AddressPreFiling"])
    #expect(entry.label(forPath: "/AddressPreFiling/Units/Unit[2]/Area") == "面积")
    #expect(entry.format(forPath: "/AddressPreFiling/Units/Unit/Area") == "面积（平方米）：大于 0，至多 2 位小数")
    // Labels from the chameleon-included common structures too.
    #expect(entry.label(forPath: "/AddressPreFiling/Owner/Organisation/USCC") == "统一社会信用代码")
    #expect(entry.labelsByName["USCC"] == "统一社会信用代码")
  }

  @Test func reportsASchemaThatDoesNotCompile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("broken.xsd").path
    try Data("""
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:element name="a" type="xs:nosuchtype"/>
      </xs:schema>
      """.utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: SchemaCompileError.self) { try CompiledSchema(path: path, loadRoot: folder.path) }
    do throws(SchemaCompileError) {
      _ = try CompiledSchema(path: path, loadRoot: folder.path)
    } catch {
      #expect(error.issues.contains { $0.code == 1764 || $0.message.contains("nosuchtype") })
      #expect(error.summary.contains("broken.xsd"))
    }
  }

  @Test func refusesImportsFromTheNetworkAndOutsideItsFolder() throws {
    let listener = try #require(LoopbackListener())
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("remote.xsd").path
    try Data("""
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
        <xs:import namespace="urn:p" schemaLocation="http://127.0.0.1:\(listener.port)/p.xsd"/>
        <xs:include schemaLocation="/etc/passwd"/>
        <xs:element name="a" type="xs:string"/>
      </xs:schema>
      """.utf8).write(to: URL(fileURLWithPath: path))
    do throws(SchemaCompileError) {
      _ = try CompiledSchema(path: path, loadRoot: folder.path)
      Issue.record("a schema importing from the network and /etc compiled")
    } catch {
      #expect(!error.issues.isEmpty)
    }
    #expect(!listener.sawConnection)
  }

  @Test func refusesTwoSchemasDeclaringTheSameRoot() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["a", "b"] {
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
      try Data("""
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:same">
          <xs:element name="Root" type="xs:string"/>
        </xs:schema>
        """.utf8).write(to: folder.appendingPathComponent("\(name)/\(name).xsd"))
    }
    #expect(throws: SchemaCompileError.self) {
      try SchemaSet(folder: folder.path, entryPaths: ["a/a.xsd", "b/b.xsd"].map { folder.path + "/" + $0 })
    }
  }
}
