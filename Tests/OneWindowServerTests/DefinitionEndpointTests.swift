import Foundation
import HTTPTypes
import OneWindowKit
import OneWindowTestSupport
import Testing

/// `/v1/bundle-definitions`: anyone reads the definitions; a clerk checks a new one, sent alone
/// or with its track schemas, and each problem comes back with its code.
struct DefinitionEndpointTests {
  @Test func anyoneListsTheDefinitionsAndReadsOne() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let list = try await client.send(.get, "/v1/bundle-definitions", as: .anonymous)
      #expect(list.status == .ok)
      let definitions = try #require(list.json["definitions"] as? [[String: Any]])
      #expect(definitions.compactMap { $0["id"] as? String } == ["bookshop", "hotel", "restaurant", "utility-connection"])
      #expect((list.json["refused"] as? [Any])?.isEmpty == true)
      let hotel = try await client.send(.get, "/v1/bundle-definitions/hotel", as: .anonymous)
      #expect(hotel.status == .ok)
      let tracks = try #require(hotel.json["tracks"] as? [[String: Any]])
      #expect(tracks.compactMap { $0["id"] as? String } == ["BUSINESS", "HYGIENE", "SPECIAL_TRADE"])
      #expect(tracks.compactMap { $0["inspectors"] as? Int } == [2, 2])
      let missing = try await client.send(.get, "/v1/bundle-definitions/florist", as: .anonymous)
      #expect(missing.status == .notFound)
      #expect(missing.headers[.contentType] == "application/problem+json")
    }
  }

  @Test func aClerkChecksADefinitionWithItsTrackSchemas() async throws {
    let fixture = try await ServiceFixture()
    let florist = try FloristFixture()
    defer { florist.remove() }
    let definition = try Array(Data(contentsOf: URL(fileURLWithPath: florist.definition)))
    try await fixture.test { client in
      // Alone, its track schemas are missing.
      let alone = try await client.send(.post, "/v1/bundle-definitions/check", as: .window, body: definition)
      #expect(alone.status == .ok)
      let problems = try #require(alone.json["problems"] as? [[String: Any]])
      #expect(problems.compactMap { $0["code"] as? String } == ["schema-missing", "schema-missing"])
      // With them (multipart, file names as relative paths), it passes.
      let boundary = "onewindow-test-boundary"
      var body: [UInt8] = []
      func part(_ name: String, _ fileName: String, _ bytes: [UInt8]) {
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: application/xml\r\n\r\n".utf8)
        body += bytes + Array("\r\n".utf8)
      }
      part("definition", "florist.xml", definition)
      for schema in ["florist/FloristPart-v1.xsd", "common/BusinessPart-v1.xsd"] {
        part("schema", schema, try Array(Data(contentsOf: URL(fileURLWithPath: florist.folder + "/" + schema))))
      }
      body += Array("--\(boundary)--\r\n".utf8)
      let whole = try await client.send(
        .post, "/v1/bundle-definitions/check", as: .window, body: body, type: "multipart/form-data; boundary=\(boundary)")
      #expect(whole.status == .ok, "\(whole.text)")
      #expect((whole.json["problems"] as? [Any])?.isEmpty == true, "\(whole.text)")
      #expect(whole.string("id") == "florist")
      #expect(whole.string("file") == "florist.xml")
      // Nothing was installed.
      let after = try await client.send(.get, "/v1/bundle-definitions/florist", as: .anonymous)
      #expect(after.status == .notFound)
    }
  }

  @Test func checkingNeedsAClerkAndARelativeSchemaPath() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let body = Array("<BundleDefinition xmlns=\"urn:onewindow:bundledef:v1\"/>".utf8)
      #expect(try await client.send(.post, "/v1/bundle-definitions/check", as: .anonymous, body: body).status == .unauthorized)
      #expect(try await client.send(.post, "/v1/bundle-definitions/check", as: .applicant, body: body).status == .forbidden)
      let invalid = try await client.send(.post, "/v1/bundle-definitions/check", as: .reviewer, body: body)
      #expect(invalid.status == .ok)
      let problems = try #require(invalid.json["problems"] as? [[String: Any]])
      #expect(Set(problems.compactMap { $0["code"] as? String }) == ["not-valid"])
      let boundary = "b"
      let escaping = Array(
        "--b\r\nContent-Disposition: form-data; name=\"definition\"; filename=\"d.xml\"\r\n\r\n<x/>\r\n--b\r\nContent-Disposition: form-data; name=\"schema\"; filename=\"../../etc/evil.xsd\"\r\n\r\n<x/>\r\n--b--\r\n".utf8)
      let refused = try await client.send(
        .post, "/v1/bundle-definitions/check", as: .reviewer, body: escaping, type: "multipart/form-data; boundary=\(boundary)")
      #expect(refused.status == .badRequest)
    }
  }
}
