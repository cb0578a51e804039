import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OneWindowKit
import OneWindowServer
import OneWindowTestSupport
import Testing

/// The pages in process: headers, cookies, CSRF, sign-in throttling, who may open what, and
/// escaping. The browser story is `WebPagesBrowserTests` (OneWindowCLITests).
struct WebPagesTests {
  static let policy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

  /// A page answer with its cookies by name (value and attributes as sent).
  struct Page {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String

    var cookies: [String: String] {
      var found: [String: String] = [:]
      for header in headers[values: .setCookie] {
        let name = String(header.prefix { $0 != "=" })
        found[name] = header
      }
      return found
    }

    func cookieValue(_ name: String) -> String? {
      cookies[name].map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
    }
  }

  static func get(_ client: any TestClientProtocol, _ uri: String, cookie: String? = nil) async throws -> Page {
    var headers: HTTPFields = [:]
    if let cookie { headers[.cookie] = cookie }
    let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
    return Page(status: response.status, headers: response.headers, text: String(decoding: response.body.readableBytesView, as: UTF8.self))
  }

  static func post(_ client: any TestClientProtocol, _ uri: String, form: String, cookie: String) async throws -> Page {
    let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
    let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form))
    return Page(status: response.status, headers: response.headers, text: String(decoding: response.body.readableBytesView, as: UTF8.self))
  }

  /// Signs in through the login form; the `Cookie` header of the session (with its CSRF cookie).
  static func signIn(_ client: any TestClientProtocol, _ persona: Persona) async throws -> String {
    let form = try await get(client, "/web/login")
    let csrf = try #require(form.cookieValue("ow_csrf"))
    let answer = try await post(
      client, "/web/login", form: "username=\(persona.rawValue)&password=correct+horse+battery+staple&csrf=\(csrf)", cookie: "ow_csrf=\(csrf)")
    try #require(answer.status == .seeOther, "\(answer.text)")
    return "ow_csrf=\(csrf); ow_session=\(try #require(answer.cookieValue("ow_session")))"
  }

  @Test func homeIsChineseWithAStrictPolicyAndAnEnglishSwitch() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let home = try await Self.get(client.client, "/")
      #expect(home.status == .ok)
      #expect(home.headers[.contentSecurityPolicy] == Self.policy)
      #expect(home.headers[.contentType] == "text/html; charset=utf-8")
      #expect(home.text.contains("<h1>一窗通办</h1>"))
      #expect(home.text.contains(#"<link rel="stylesheet" href="/web/static/site.css">"#))
      #expect(!home.text.contains("<script"))
      let csrf = try #require(home.cookies["ow_csrf"])
      #expect(csrf.hasSuffix("; Path=/; SameSite=Strict; HttpOnly"))
      let english = try await Self.get(client.client, "/?lang=en")
      #expect(english.text.contains("<h1>OneWindow</h1>"))
      #expect(english.cookies["ow_lang"] == "ow_lang=en; Path=/; SameSite=Strict; HttpOnly; Max-Age=31536000")
      let remembered = try await Self.get(client.client, "/web/places", cookie: "ow_lang=en")
      #expect(remembered.text.contains("<h1>Pre-filed addresses</h1>"))
      let style = try await Self.get(client.client, "/web/static/site.css")
      #expect(style.status == .ok)
      #expect(style.headers[.contentType] == "text/css; charset=utf-8")
      #expect(style.text.contains(#"font: 16px/1.6 "Noto Sans CJK SC""#))
    }
  }

  @Test func signingInSetsAnHttpOnlyStrictSessionCookieAndChecksTheFormToken() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let form = try await Self.get(client.client, "/web/login")
      let csrf = try #require(form.cookieValue("ow_csrf"))
      #expect(form.text.contains(#"<input type="hidden" name="csrf" value="\#(csrf)">"#))
      // Without the token, or with another one: refused before the password is looked at.
      let missing = try await Self.post(client.client, "/web/login", form: "username=owner&password=x", cookie: "ow_csrf=\(csrf)")
      #expect(missing.status == .forbidden)
      let forged = try await Self.post(
        client.client, "/web/login", form: "username=owner&password=x&csrf=\(String(repeating: "0", count: 64))", cookie: "ow_csrf=\(csrf)")
      #expect(forged.status == .forbidden)
      let signedIn = try await Self.post(
        client.client, "/web/login", form: "username=owner&password=correct+horse+battery+staple&csrf=\(csrf)", cookie: "ow_csrf=\(csrf)")
      #expect(signedIn.status == .seeOther)
      #expect(signedIn.headers[.location] == "/web/mine")
      let session = try #require(signedIn.cookies["ow_session"])
      #expect(session.hasSuffix("; Path=/; SameSite=Strict; HttpOnly; Max-Age=43200"))
      #expect(!session.contains("Secure"))
      let clerk = try await Self.post(
        client.client, "/web/login", form: "username=reviewer&password=correct+horse+battery+staple&csrf=\(csrf)", cookie: "ow_csrf=\(csrf)")
      #expect(clerk.headers[.location] == "/web/queue")
    }
  }

  @Test func cookiesAreSecureBehindAnHTTPSPublicURL() async throws {
    let fixture = try await ServiceFixture { $0.publicURL = "https://onewindow.example.org" }
    try await fixture.test { client in
      let home = try await Self.get(client.client, "/")
      #expect(try #require(home.cookies["ow_csrf"]).hasSuffix("; Path=/; SameSite=Strict; HttpOnly; Secure"))
    }
  }

  @Test func failedSignInsAreThrottled() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let csrf = String(repeating: "a", count: 64)
      for _ in 0..<5 {
        let wrong = try await Self.post(client.client, "/web/login", form: "username=issuer&password=wrong&csrf=\(csrf)", cookie: "ow_csrf=\(csrf)")
        #expect(wrong.status == .unauthorized)
        #expect(wrong.text.contains(#"<p class="message" id="error">用户名或口令错误，或账号已停用。</p>"#))
      }
      let right = try await Self.post(
        client.client, "/web/login", form: "username=issuer&password=correct+horse+battery+staple&csrf=\(csrf)", cookie: "ow_csrf=\(csrf)")
      #expect(right.status == .tooManyRequests)
      #expect(right.headers[.retryAfter] == "900")
      #expect(right.cookies["ow_session"] == nil)
    }
  }

  @Test func anOwnerOpensOnlyTheirOwnRecords() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let records = try await ServiceFixture.populate(client)
      let owner = try await Self.signIn(client.client, .owner)
      let own = try await Self.get(client.client, "/web/prefilings/\(records.taixingli)", cookie: owner)
      #expect(own.status == .ok)
      #expect(own.text.contains("<dd>太兴里</dd>"))
      for path in [
        "/web/prefilings/\(records.sanjiangli)", "/web/bundles/\(records.bundle)", "/web/receipts/\(records.bundleReceipt)",
        "/web/receipts/\(records.bundleReceipt)/print", "/web/receipts/\(records.bundleReceipt)/packet",
      ] {
        let other = try await Self.get(client.client, path, cookie: owner)
        #expect(other.status == .notFound, "\(path)")
        #expect(other.text.contains(#"<p class="message" id="error">没有此办件，或您无权查看。</p>"#), "\(path)")
      }
      let queue = try await Self.get(client.client, "/web/queue", cookie: owner)
      #expect(queue.status == .forbidden)
      let anonymous = try await Self.get(client.client, "/web/prefilings/\(records.taixingli)")
      #expect(anonymous.status == .seeOther)
      #expect(anonymous.headers[.location] == "/web/login?next=%2Fweb%2Fprefilings%2F\(records.taixingli)")
    }
  }

  @Test func theQueueHasALanePerTrackAndFilters() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let records = try await ServiceFixture.populate(client)
      let reviewer = try await Self.signIn(client.client, .reviewer)
      let queue = try await Self.get(client.client, "/web/queue", cookie: reviewer)
      let link = #"<a href="/web/bundles/\#(records.bundle)">\#(records.bundle)</a>"#
      let row = "<td data-label=\"办件编号\">\(link)</td><td data-label=\"店名\">市南区天晟吉祥烤鸭店</td><td data-label=\"状态\">待审查</td>"
        + "<td data-label=\"受理日\">2026-04-22</td><td data-label=\"承诺办结日\">2026-04-24</td><td data-label=\"剩余工作日\">2</td>"
      for lane in ["business", "food"] {
        let section = try #require(queue.text.components(separatedBy: "id=\"bundles-\(lane)\"").last)
        #expect(section.prefix(1500).contains(row), "\(lane)")
      }
      #expect(queue.text.contains(#"<p class="empty" id="bundles-issue">没有。</p>"#))
      #expect(queue.text.contains(#"<p class="empty" id="prefilings">没有待审查的预备案。</p>"#))
      // The bundle came online from its applicant: a filter on an entering clerk leaves it out.
      let filtered = try await Self.get(client.client, "/web/queue?clerk=0233", cookie: reviewer)
      #expect(!filtered.text.contains(link))
      #expect(filtered.text.contains(#"<input type="text" id="clerk" name="clerk" value="0233">"#))
    }
  }

  /// A hotel (three departments) through the API: its hygiene and special-trade tracks get lanes of
  /// their own, named as its definition names them, and its page shows every track.
  @Test func anotherDefinitionsTracksGetLanesOfTheirOwn() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let hotel = try await client.send(.post, "/v1/bundles", as: .window, sample: "SampleFilings/valid/tradebundle/hotel-opening.xml")
      try #require(hotel.status == .created, "\(hotel.text)")
      let number = try #require(hotel.string("subject"))
      let reviewer = try await Self.signIn(client.client, .reviewer)
      let queue = try await Self.get(client.client, "/web/queue", cookie: reviewer)
      let link = #"<a href="/web/bundles/\#(number)">\#(number)</a>"#
      #expect(queue.text.contains("<h2>一件事 · 公共场所卫生许可证审批线</h2>"))
      #expect(queue.text.contains("<h2>一件事 · 特种行业许可证（旅馆业）审批线</h2>"))
      /// The lane's own section: from its id to the next heading.
      func lane(_ id: String) throws -> String {
        let parts = queue.text.components(separatedBy: "id=\"bundles-\(id)\"")
        try #require(parts.count == 2, "no lane \(id)")
        return parts[1].components(separatedBy: "<h2>")[0]
      }
      for id in ["business", "hygiene", "special_trade"] { #expect(try lane(id).contains(link), "\(id)") }
      #expect(try !lane("food").contains(link))
      let page = try await Self.get(client.client, "/web/bundles/\(number)", cookie: reviewer)
      #expect(page.text.contains("公共场所卫生许可证"))
      #expect(page.text.contains("特种行业许可证（旅馆业）"))
      // The hygiene track asks for an inspection: its decision form has the inspectors' fields.
      let hygieneForm = try #require(page.text.components(separatedBy: "id=\"decide-hygiene\"").dropFirst().first)
      #expect(hygieneForm.components(separatedBy: "</form>")[0].contains("name=\"inspectors\""))
      let businessForm = try #require(page.text.components(separatedBy: "id=\"decide-business\"").dropFirst().first)
      #expect(!businessForm.components(separatedBy: "</form>")[0].contains("name=\"inspectors\""))
    }
  }

  @Test func clerksSearchByIDNumberAndSeeTheOverdueList() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let records = try await ServiceFixture.populate(client)
      let clerk = try await Self.signIn(client.client, .window)
      let found = try await Self.get(client.client, "/web/search?q=370202197805122312", cookie: clerk)
      #expect(found.text.contains(#"<td data-label="编号"><a href="/web/bundles/\#(records.bundle)">\#(records.bundle)</a></td>"#))
      let unknown = try await Self.get(client.client, "/web/search?q=91370202MA3C5Y7R9X", cookie: clerk)
      #expect(unknown.text.contains(#"<p class="empty" id="results">没有找到。</p>"#))
      // A USCC is found whatever its letters' case.
      let byUSCC = try await Self.get(client.client, "/web/search?q=91370202ma3c5y7r9d", cookie: clerk)
      #expect(byUSCC.text.contains(#"<a href="/web/prefilings/\#(records.taixingli)">\#(records.taixingli)</a>"#))
      let overdue = try await Self.get(client.client, "/web/overdue", cookie: clerk)
      #expect(overdue.status == .ok)
      #expect(overdue.text.contains(#"<p class="empty" id="overdue">没有超期办件。</p>"#))
    }
  }

  /// A bundle accepted on Tuesday 2026-04-14 was due on Thursday the 16th: on the pages' date
  /// (Wednesday the 22nd) it is four working days late, in red in the queue and the overdue list.
  @Test func aLateBundleIsRedInTheQueueAndOnTheOverdueList() async throws {
    let fixture = try await ServiceFixture()
    try await TianShengJiXiang.preFiled(in: fixture.registry)
    let accepted = try await fixture.registry.submitBundle(
      // The sample's papers are dated the week after; a week earlier here.
      RegistryHarness.source(TianShengJiXiang.opening, replacing: [("2026-04-22", "2026-04-13"), ("2026-04-20", "2026-04-10")]),
      by: .applicant(TianShengJiXiang.operatorID),
      clock: RegistryHarness.on("2026-04-14"))
    let bundle = try #require(accepted.subject)
    try await fixture.test { client in
      let clerk = try await Self.signIn(client.client, .window)
      let overdue = try await Self.get(client.client, "/web/overdue", cookie: clerk)
      #expect(overdue.status == .ok)
      #expect(overdue.text.contains(#"<a href="/web/bundles/\#(bundle)">\#(bundle)</a>"#))
      #expect(overdue.text.contains(#"<strong class="overdue">4</strong>"#))
      let queue = try await Self.get(client.client, "/web/queue", cookie: clerk)
      #expect(queue.text.contains(#"<tr class="overdue">"#))
      #expect(queue.text.contains(#"<strong class="overdue">已超期</strong>"#))
      let css = try await Self.get(client.client, "/web/static/site.css")
      #expect(css.text.contains("tr.overdue td, .overdue { color: #b00020;"))
    }
  }

  @Test func anUnknownPageIsAPageToo() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let page = try await Self.get(client.client, "/web/no/such/page")
      #expect(page.status == .notFound)
      #expect(page.headers[.contentType] == "text/html; charset=utf-8")
      #expect(page.text.contains("<h1>未找到</h1>"))
    }
  }

  @Test func theApplicantSeesBothTracksAndTheClock() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let records = try await ServiceFixture.populate(client)
      let applicant = try await Self.signIn(client.client, .applicant)
      let page = try await Self.get(client.client, "/web/bundles/\(records.bundle)", cookie: applicant)
      #expect(page.status == .ok)
      // Accepted on the fixture's business date (Wednesday 2026-04-22): due two working days later.
      #expect(page.text.contains("<dt>受理日</dt><dd>2026-04-22</dd>"))
      #expect(page.text.contains("<dt>承诺办结日</dt><dd>2026-04-24</dd>"))
      #expect(page.text.contains("<dt>剩余工作日</dt><dd>2</dd>"))
      #expect(page.text.contains(#"<span id="track-business">待审查</span>"#))
      #expect(page.text.contains(#"<span id="track-food">待审查</span>"#))
      #expect(page.text.contains(#"<td data-label="回执"><a href="/web/receipts/\#(records.bundleReceipt)">\#(records.bundleReceipt)</a></td>"#))
      // No decision form and no audit trail for the applicant.
      #expect(!page.text.contains("<form method=\"post\" action=\"/web/bundles/"))
      #expect(!page.text.contains(#"id="trail""#))
    }
  }

  @Test func anOwnerUploadsAPacketAndSeesTheReportAtOnce() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      let owner = try await Self.signIn(client.client, .owner)
      let csrf = String(owner.dropFirst("ow_csrf=".count).prefix(64))
      let boundary = "----onewindow-test"
      var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
      body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nprefiling\r\n".utf8)
      body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"packet\"; filename=\"taixingli.xml\"\r\nContent-Type: application/xml\r\n\r\n".utf8)
      body += try Repository.bytes("SampleFilings/valid/prefiling/taixingli.xml") + Array("\r\n--\(boundary)--\r\n".utf8)
      let response = try await client.client.execute(
        uri: "/web/submit", method: .post,
        headers: [.cookie: owner, .contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body))
      #expect(response.status == .seeOther)
      let location = try #require(response.headers[.location])
      #expect(location == "/web/receipts/RCPT-20260422-000001")
      let receipt = try await Self.get(client.client, location, cookie: owner)
      #expect(receipt.text.contains(#"<strong id="outcome" class="good">通过</strong>"#))
      #expect(receipt.text.contains("<dt>申请人</dt><dd>青岛市市南区历史街区保护更新有限公司</dd>"))
      // A tenant registration is not the owner's to file.
      var refused = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
      refused += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nregistration\r\n--\(boundary)--\r\n".utf8)
      let forbidden = try await client.client.execute(
        uri: "/web/submit", method: .post,
        headers: [.cookie: owner, .contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: refused))
      #expect(forbidden.status == .forbidden)
    }
  }

  @Test func theQueueShowsTheEnteringClerkAndFourEyes() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      // 太兴里 entered at the window by clerk 0233, not yet reviewed.
      let submitted = try await client.send(.post, "/v1/prefilings", as: .entering, sample: "SampleFilings/valid/prefiling/taixingli.xml")
      let receipt = try #require(submitted.string("number"))
      let entering = try await Self.signIn(client.client, .entering)
      let queue = try await Self.get(client.client, "/web/queue", cookie: entering)
      #expect(queue.status == .ok)
      #expect(queue.text.contains(#"<a href="/web/prefilings/\#(receipt)">\#(receipt)</a>"#))
      let page = try await Self.get(client.client, "/web/prefilings/\(receipt)", cookie: entering)
      #expect(page.text.contains("四眼原则：本件由工作人员 0233 录入，录入人不得审批。 <strong>您是本件录入人，审批将被拒绝。</strong>"))
      let csrf = String(entering.dropFirst("ow_csrf=".count).prefix(64))
      let refused = try await Self.post(
        client.client, "/web/prefilings/\(receipt)/review", form: "decision=APPROVE&csrf=\(csrf)", cookie: entering)
      #expect(refused.status == .seeOther)
      let location = try #require(refused.headers[.location])
      let answer = try await Self.get(client.client, location, cookie: entering)
      #expect(answer.text.contains(#"<strong id="outcome" class="bad">退回（不予办理）</strong>"#))
      #expect(answer.text.contains("工作人员 0233 录入了该预备案，不能自行审查"))
    }
  }

  @Test func hostileNamesAreEscaped() async throws {
    let fixture = try await ServiceFixture()
    try await fixture.test { client in
      var text = String(decoding: try Repository.bytes("SampleFilings/valid/prefiling/taixingli.xml"), as: UTF8.self)
      text = text.replacingOccurrences(of: "<Name>太兴里</Name>", with: "<Name>&lt;script&gt;alert(1)&lt;/script&gt;\"&gt;&lt;img src=x onerror=alert(2)&gt;</Name>")
      let submitted = try await client.send(.post, "/v1/prefilings", as: .window, body: Array(text.utf8))
      let receipt = try #require(submitted.string("number"))
      let clerk = try await Self.signIn(client.client, .reviewer)
      for path in ["/web/prefilings/\(receipt)", "/web/queue", "/web/receipts/\(receipt)"] {
        let page = try await Self.get(client.client, path, cookie: clerk)
        #expect(page.status == .ok, "\(path)")
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), "\(path)")
        #expect(!page.text.contains("<script"), "\(path)")
        #expect(!page.text.contains("<img"), "\(path)")
      }
    }
  }
}
