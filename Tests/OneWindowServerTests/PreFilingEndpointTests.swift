import Foundation
import HTTPTypes
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Pre-filings over HTTP: the owner or a clerk files, a reviewer other than the entering clerk
/// decides, the actor comes from the account, and the centre and request id reach the receipt.
@Suite struct PreFilingEndpointTests {
  @Test func theOwnerSubmitsAndAReviewerApproves() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let submitted = try await client.send(.post, "/v1/prefilings", as: .owner, sample: "SampleFilings/valid/prefiling/taixingli.xml")
      #expect(submitted.status == .created)
      #expect(submitted.string("outcome") == "ACCEPTED")
      #expect(submitted.string("actorRole") == "OWNER")
      #expect(submitted.string("actorID") == "91370202MA3C5Y7R9D")
      let origin = submitted.json["origin"] as? [String: Any]
      #expect(origin?["account"] as? String == "owner")
      #expect(origin?["requestID"] as? String == submitted.headers[.init("X-Request-Id")!])
      let receipt = try #require(submitted.string("number"))

      let approved = try await client.send(.post, "/v1/prefilings/\(receipt)/review", as: .reviewer, json: #"{"decision":"APPROVE"}"#)
      #expect(approved.status == .created)
      #expect(approved.string("subject") == "YBA-370202-2026-000001")
      #expect(approved.string("actorID") == "0231")
      #expect((approved.json["origin"] as? [String: Any])?["serviceCentre"] as? String == ServiceFixture.centre)

      let shown = try await client.send(.get, "/v1/prefilings/YBA-370202-2026-000001", as: .owner)
      #expect(shown.status == .ok)
      #expect((shown.json["summary"] as? [String: Any])?["status"] as? String == "ACTIVE")

      // The audit event names the account, its centre and the request, as named values.
      let trail = try await client.send(.get, "/v1/audit/trail/YBA-370202-2026-000001", as: .reviewer)
      #expect(trail.status == .ok)
      let approval = try #require(trail.array.first { $0["action"] as? String == "prefiling.approved" })
      #expect(approval["actorRole"] as? String == "CLERK")
      #expect(approval["actorID"] as? String == "0231")
      let details = try #require(approval["details"] as? [String: Any])
      #expect(details.keys.sorted() == ["account", "centre", "receipt", "request", "state", "submission", "valid"])
      #expect(details["account"] as? String == "reviewer")
      #expect(details["centre"] as? String == ServiceFixture.centre)
      #expect(details["receipt"] as? String == approved.string("number"))
      #expect(details["submission"] as? String == submitted.string("number"))
      #expect(details["request"] as? String == approved.headers[.init("X-Request-Id")!])
      #expect(details["valid"] as? String == "2026-04-22..2029-04-21")
    }
  }

  @Test func theEnteringClerkCannotApproveWhatTheyEntered() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let submitted = try await client.send(.post, "/v1/prefilings", as: .entering, sample: "SampleFilings/valid/prefiling/taixingli.xml")
      #expect(submitted.status == .created)
      let receipt = try #require(submitted.string("number"))
      let ownApproval = try await client.send(.post, "/v1/prefilings/\(receipt)/review", as: .entering, json: #"{"decision":"APPROVE"}"#)
      #expect(ownApproval.status == .unprocessableContent)
      #expect(ownApproval.findingIDs == ["RG-002"])
    }
  }

  @Test func anotherOwnersPacketIsRefusedWithRG001() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let answer = try await client.send(.post, "/v1/prefilings", as: .otherOwner, sample: "SampleFilings/valid/prefiling/taixingli.xml")
      #expect(answer.status == .unprocessableContent)
      #expect(answer.string("outcome") == "REJECTED")
      #expect(answer.findingIDs.contains("RG-001"))
    }
  }

  @Test func anInvalidPacketIsRefusedWithItsFindingsAndKept() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let answer = try await client.send(
        .post, "/v1/prefilings", as: .owner, body: Array("<AddressPreFiling xmlns=\"urn:onewindow:prefiling:v1\"/>".utf8))
      #expect(answer.status == .unprocessableContent)
      #expect(answer.findingIDs.first == "XSD-1871")
      let number = try #require(answer.string("number"))
      let packet = try await client.send(.get, "/v1/receipts/\(number)/packet", as: .owner)
      #expect(packet.status == .ok)
      #expect(packet.text == "<AddressPreFiling xmlns=\"urn:onewindow:prefiling:v1\"/>")
    }
  }

  /// `?dryRun=true`: every check and a preview receipt (`200`, no number), nothing written; a
  /// refusal previews as `422`; the preview prints as the 回执预览 page too.
  @Test func aDryRunPreviewsTheReceiptAndWritesNothing() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let preview = try await client.send(
        .post, "/v1/prefilings?dryRun=true", as: .owner, sample: "SampleFilings/valid/prefiling/taixingli.xml")
      #expect(preview.status == .ok)
      #expect(preview.string("outcome") == "ACCEPTED")
      #expect(preview.string("number") == "RCPT-00000000-000000")
      #expect(preview.json["preview"] as? Bool == true)
      let listed = try await client.send(.get, "/v1/prefilings", as: .reviewer)
      #expect(listed.status == .ok)
      #expect(listed.array.isEmpty)

      let refused = try await client.send(
        .post, "/v1/prefilings?dryRun=true", as: .otherOwner, sample: "SampleFilings/valid/prefiling/taixingli.xml")
      #expect(refused.status == .unprocessableContent)
      #expect(refused.findingIDs.contains("RG-001"))
      #expect(refused.string("number") == "RCPT-00000000-000000")

      let page = try await client.send(
        .post, "/v1/prefilings?dryRun=true", as: .owner, body: try Repository.bytes("SampleFilings/valid/prefiling/taixingli.xml"),
        headers: [.accept: "text/html"])
      #expect(page.status == .ok)
      #expect(page.headers[.contentType] == "text/html; charset=utf-8")
      #expect(page.text.contains("回执预览"))

      let bad = try await client.send(
        .post, "/v1/prefilings?dryRun=yes", as: .owner, sample: "SampleFilings/valid/prefiling/taixingli.xml")
      #expect(bad.status == .badRequest)

      // And the real submission afterwards is the registry's first.
      let submitted = try await client.send(.post, "/v1/prefilings", as: .owner, sample: "SampleFilings/valid/prefiling/taixingli.xml")
      #expect(submitted.status == .created)
      #expect(submitted.string("number")?.hasSuffix("-000001") == true)
    }
  }
}
