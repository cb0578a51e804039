import Foundation
import OneWindowTestSupport
import OneWindowXML
import Testing

/// OneWindow inside a host application: the host's libxml2 error handlers on a thread are the
/// same after OneWindow parsed, validated or compiled there (they used to be reset to none).
struct HostHandlersTests {
  @Test func aHostsHandlersAreBackAfterEveryKindOfCall() throws {
    let structured = 0x5E5E
    let generic = 0x6E6E
    let valid = try Repository.bytes("SampleFilings/valid/prefiling/taixingli.xml")
    // One thread for the whole check: handlers are per thread in libxml2.
    let outcome: (Bool, Bool, Bool)? = finishes {
      LibXMLHostHandlers.install(structured: structured, generic: generic)
      let schema = Self.contextsAreTheHosts(structured, generic)
      // A well-formed but invalid packet, a malformed one, and a valid one.
      _ = check(bytes: Array("<AddressPreFiling xmlns=\"urn:onewindow:prefiling:v1\"/>".utf8))
      _ = check(bytes: Array("<a><b></a>".utf8))
      _ = check(bytes: valid)
      let afterParsing = Self.contextsAreTheHosts(structured, generic)
      _ = try? CompiledSchema(path: Repository.path("Schemas/prefiling/PreFiling-v1.xsd"), loadRoot: Repository.schemas)
      let afterCompiling = Self.contextsAreTheHosts(structured, generic)
      return (schema, afterParsing, afterCompiling)
    }
    let (installed, afterParsing, afterCompiling) = try #require(outcome)
    #expect(installed)
    #expect(afterParsing)
    #expect(afterCompiling)
  }

  static func contextsAreTheHosts(_ structured: Int, _ generic: Int) -> Bool {
    let contexts = LibXMLHostHandlers.contexts
    return contexts.structured == structured && contexts.generic == generic
  }
}
