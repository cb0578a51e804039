import Foundation
import HTTPTypes
import OneWindowKit
import OneWindowTestSupport
import Testing

/// The restaurant bundle over HTTP: the applicant submits, reviewers decide both tracks, an issuer
/// issues, and anyone can then check the licences' standing (the holder's name, no ID numbers).
@Suite struct BundleEndpointTests {
  @Test func theApplicantOpensAndTheIssuerIssues() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let records = try await ServiceFixture.populate(client)
      #expect(records.bundle == "YJS-370202-2026-000001")

      // Issuing before both tracks are approved is refused on state.
      let early = try await client.send(.post, "/v1/bundles/\(records.bundle)/issuance", as: .issuer)
      #expect(early.status == .unprocessableContent)
      #expect(early.findingIDs == ["RG-003"])

      let food = try await client.send(
        .post, "/v1/bundles/\(records.bundle)/tracks/food/decision", as: .entering,
        json: #"{"decision":"APPROVE","inspection":{"inspectedOn":"2026-04-22","inspectors":["0301","0302"],"result":"PASS"}}"#)
      #expect(food.status == .created, "\(food.text)")
      let business = try await client.send(
        .post, "/v1/bundles/\(records.bundle)/tracks/business/decision", as: .reviewer, json: #"{"decision":"APPROVE"}"#)
      #expect(business.status == .created, "\(business.text)")
      let issued = try await client.send(.post, "/v1/bundles/\(records.bundle)/issuance", as: .issuer)
      #expect(issued.status == .created, "\(issued.text)")
      let licences = try #require(issued.json["licences"] as? [String: Any])
      let uscc = try #require(licences["uscc"] as? String)
      let jy = try #require(licences["foodLicenceNumber"] as? String)

      let shown = try await client.send(.get, "/v1/bundles/\(records.bundle)", as: .applicant)
      #expect((shown.json["summary"] as? [String: Any])?["status"] as? String == "ISSUED")

      for number in [uscc, jy] {
        let status = try await client.send(.get, "/v1/public/licences/\(number)", as: .anonymous)
        #expect(status.status == .ok)
        #expect(status.string("status") == "VALID")
        #expect(status.string("name") == "天生吉祥餐饮（青岛）有限公司" || status.string("name")?.isEmpty == false)
        // No identity number of a person in the answer.
        #expect(!status.text.contains("370202197805122312"))
        #expect(!status.text.contains("370202198001172626"))
      }
    }
  }

  /// Track ids are strings any definition may bring: a well-formed one reaches the registry, which
  /// refuses a bundle it does not know (`RG-004`); a malformed one is no path at all.
  @Test func aMalformedTrackIdIs404AndAWellFormedOneReachesTheRegistry() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let malformed = try await client.send(
        .post, "/v1/bundles/YJS-370202-2026-000001/tracks/li-quor/decision", as: .reviewer, json: #"{"decision":"APPROVE"}"#)
      #expect(malformed.status == .notFound)
      #expect(malformed.headers[.contentType] == "application/problem+json")
      let unknown = try await client.send(
        .post, "/v1/bundles/YJS-370202-2026-000001/tracks/liquor/decision", as: .reviewer, json: #"{"decision":"APPROVE"}"#)
      #expect(unknown.status == .unprocessableContent)
      #expect(unknown.findingIDs == ["RG-004"])
    }
  }

  @Test func splitAndAssembleRoundTrip() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let split = try await client.send(.post, "/v1/bundles/split", as: .window, sample: "SampleFilings/valid/bundle/tianshengjixiang-opening.xml")
      #expect(split.status == .ok)
      let business = try #require(split.string("business"))
      let food = try #require(split.string("food"))
      #expect(business.contains("<BusinessLicenceApplication"))
      #expect(food.contains("<FoodLicenceApplication"))
      let boundary = "test-boundary-1"
      var body = ""
      for (name, text) in [("business", business), ("food", food)] {
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(name).xml\"\r\n\r\n\(text)\r\n"
      }
      body += "--\(boundary)--\r\n"
      let assembled = try await client.send(
        .post, "/v1/bundles/assemble", as: .window, body: Array(body.utf8), type: "multipart/form-data; boundary=\(boundary)")
      #expect(assembled.status == .ok, "\(assembled.text)")
      #expect(assembled.string("bundle")?.contains("<RestaurantOpening") == true)
      #expect(assembled.findingIDs == [])
    }
  }
}

/// What anyone may see without an account: free places (no person, no tenant), rules, calendar.
@Suite struct PublicEndpointTests {
  @Test func theSearchShowsPlacesLeftAndNoPeople() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      _ = try await ServiceFixture.populate(client)
      let answer = try await client.send(.get, "/v1/public/places?building=%E5%A4%AA%E5%85%B4%E9%87%8C", as: .anonymous)
      #expect(answer.status == .ok)
      let places = answer.array
      #expect(!places.isEmpty)
      #expect(Set(places.compactMap { $0["preFilingNumber"] as? String }) == ["YBA-370202-2026-000001"])
      let u201 = try #require(places.first { $0["unit"] as? String == "U-201" })
      #expect(u201["capacity"] as? Int == 3)
      #expect(u201["placesLeft"] as? Int == 2)
      // Never the owner, a tenant, or anyone's number.
      for secret in ["91370202MA3C5Y7R9D", "青岛栈桥文化传媒有限公司", "周文斌", "37020219880627315X", "15192736648"] {
        #expect(!answer.text.contains(secret), "\(secret)")
      }
      #expect(Set(u201.keys) == ["preFilingNumber", "building", "address", "unit", "floor", "room", "plannedUse", "capacity", "placesLeft"])
    }
  }

  @Test func rulesAndCalendarAnswerAnyone() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let rule = try await client.send(.get, "/v1/rules/tr-004", as: .anonymous)
      #expect(rule.status == .ok)
      #expect(rule.text.contains("\"TR-004\""))
      let missing = try await client.send(.get, "/v1/rules/XX-999", as: .anonymous)
      #expect(missing.status == .notFound)
      let day = try await client.send(.get, "/v1/calendar/days/2026-10-01", as: .anonymous)
      #expect(day.json["isWorkingDay"] as? Bool == false)
      let due = try await client.send(.get, "/v1/calendar/due-dates?from=2026-09-30&workingDays=2", as: .anonymous)
      // National Day 2026: 1–7 October off; the 8th and 9th are the first working days.
      #expect(due.string("date") == "2026-10-09")
      let unpublished = try await client.send(.get, "/v1/calendar/years/2031", as: .anonymous)
      #expect(unpublished.status == .unprocessableContent)
      let badDate = try await client.send(.get, "/v1/calendar/days/2026-02-30", as: .anonymous)
      #expect(badDate.status == .badRequest)
    }
  }
}
