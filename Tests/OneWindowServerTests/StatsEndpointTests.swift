import Foundation
import HTTPTypes
import OneWindowKit
import OneWindowTestSupport
import Testing

/// `GET /v1/stats`: the published figures, for anyone (aggregate counts, no person or record),
/// with the centre of each accepting clerk.
@Suite struct StatsEndpointTests {
  @Test func anyoneReadsTheFiguresPerCentre() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      _ = try await ServiceFixture.populate(client)
      let answer = try await client.send(.get, "/v1/stats", as: .anonymous)
      #expect(answer.status == .ok)
      #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
      #expect(answer.string("asOf") == ServiceFixture.businessDate.description)
      let registrations = answer.json["registrations"] as? [String: Any]
      #expect(registrations?["accepted"] as? Int == 1)
      #expect((registrations?["materialsSaved"] as? [String: Any])?["count"] as? Int == 3)
      let bundles = answer.json["bundles"] as? [String: Any]
      #expect(bundles?["accepted"] as? Int == 1)
      #expect(bundles?["open"] as? Int == 1)
      // The registration came from a clerk at the fixture's centre; the bundle from the applicant's desk.
      let centres = answer.json["centres"] as? [[String: Any]] ?? []
      #expect(centres.map { $0["centre"] as? String } == [ServiceFixture.centre, nil])
      #expect(centres.first?["name"] as? String == "香港中路街道")
      #expect((centres.first?["registrations"] as? [String: Any])?["accepted"] as? Int == 1)
      #expect((centres.last?["bundles"] as? [String: Any])?["accepted"] as? Int == 1)
      // Nothing personal: no names, identity or record numbers.
      #expect(!answer.text.contains("YJS-"))
      #expect(!answer.text.contains("370202197805122312"))
      #expect(!answer.text.contains("天晟吉祥"))
    }
  }
}
