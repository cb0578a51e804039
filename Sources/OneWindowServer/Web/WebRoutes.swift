import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OneWindowKit

/// A page answered with a redirect instead (sign in first).
struct WebRedirect: Error {
  var location: String
}

/// The server-rendered pages under `/` and `/web/…`: the same registry, permissions and receipts
/// as `/v1`, with cookie sessions and CSRF-checked forms instead of bearer tokens. Not part of the
/// JSON contract (`openapi.yaml`).
struct WebRoutes {
  let state: ServiceState

  typealias Page = @Sendable (Request, ServiceContext, WebVisit) async throws -> Response

  func register(_ router: Router<ServiceContext>) {
    router.get("/", use: wrap(home))
    router.get("/web", use: wrap(home))
    router.get("/web/static/site.css") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300", .xContentTypeOptions: "nosniff"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: WebStyle.css)))
    }
    router.get("/web/login", use: wrap(loginForm))
    router.post("/web/login", use: wrap(login))
    router.post("/web/logout", use: wrap(logout))
    router.get("/web/queue", use: wrap(queue))
    router.get("/web/overdue", use: wrap(overdue))
    router.get("/web/search", use: wrap(search))
    router.get("/web/mine", use: wrap(mine))
    router.get("/web/submit", use: wrap(submitForm))
    router.post("/web/submit", use: wrap(submit))
    router.get("/web/prefilings/:ref", use: wrap(preFilingPage))
    router.post("/web/prefilings/:ref/review", use: wrap(review))
    router.get("/web/bundles/:ref", use: wrap(bundlePage))
    router.post("/web/bundles/:ref/tracks/:track/decision", use: wrap(decide))
    router.post("/web/bundles/:ref/issuance", use: wrap(issue))
    router.get("/web/receipts/:number", use: wrap(receiptPage))
    router.get("/web/receipts/:number/print", use: wrap(receiptPrint))
    router.get("/web/receipts/:number/xml", use: wrap(receiptXML))
    router.get("/web/receipts/:number/packet", use: wrap(receiptPacket))
    router.get("/web/places", use: wrap(places))
    router.get("/web/licences", use: wrap(licences))
    // Any other page address: a page saying so, in the visitor's language (not problem+json).
    router.get("/web/**", use: wrap { _, _, visit in errorPage(visit, status: .notFound, detail: nil) })
  }

  // MARK: - The frame of every page

  /// Reads the visit (language, session, CSRF cookie), runs the page, and answers failures as
  /// pages in the visitor's language.
  func wrap(_ page: @escaping Page) -> @Sendable (Request, ServiceContext) async throws -> Response {
    { request, context in
      let visit = await self.visit(request)
      var context = context
      context.account = visit.account
      do {
        return try await page(request, context, visit)
      } catch let redirect as WebRedirect {
        return WebLayout.redirect(visit, to: redirect.location)
      } catch let problem as Problem {
        return errorPage(visit, status: problem.status, detail: problem.detail)
      } catch let error as OneWindowError {
        let problem = Problem.from(error)
        return errorPage(visit, status: problem.status, detail: problem.detail)
      } catch is NIOTooManyBytesError {
        return errorPage(visit, status: .contentTooLarge, detail: nil)
      }
    }
  }

  func visit(_ request: Request) async -> WebVisit {
    let cookies = WebCookie.all(request)
    let secure = state.options.servesHTTPS
    var visit = WebVisit(language: .zh, account: nil, csrf: "", path: request.uri.path, secure: secure)
    switch request.uri.queryParameters["lang"].map(String.init) ?? cookies[WebCookie.language] {
    case "en": visit.language = .en
    default: visit.language = .zh
    }
    if let asked = request.uri.queryParameters["lang"], asked == "en" || asked == "zh" {
      visit.setCookies.append(visit.cookie(WebCookie.language, String(asked), maxAge: 365 * 86400))
    }
    if let token = cookies[WebCookie.session], let account = try? await state.account(bearer: token), account.active {
      visit.account = account
    }
    if let csrf = cookies[WebCookie.csrf], csrf.count == 64, csrf.allSatisfy(\.isHexDigit) {
      visit.csrf = csrf
    } else {
      visit.csrf = Tokens.make()
      visit.setCookies.append(visit.cookie(WebCookie.csrf, visit.csrf))
    }
    return visit
  }

  /// A POST's form, after its CSRF token is checked against the cookie (`403` otherwise).
  func form(_ request: Request, _ visit: WebVisit) async throws -> WebForm {
    let form = try await WebForm.read(request, maxBytes: state.options.maxBodyBytes)
    let cookie = WebCookie.all(request)[WebCookie.csrf] ?? ""
    let given = form["csrf"] ?? ""
    guard cookie.count == 64, Array(given.utf8).count == Array(cookie.utf8).count,
      zip(given.utf8, cookie.utf8).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
    else {
      throw Problem(.forbidden, "Form expired", detail: visit.t("表单已失效（安全校验未通过），请返回刷新后重新提交。", "The form has expired (security check failed); go back, reload and submit again."))
    }
    return form
  }

  func errorPage(_ visit: WebVisit, status: HTTPResponse.Status, detail: String?) -> Response {
    let t = visit.t
    let (title, text): (String, String) =
      switch status.code {
      case 401: (t("请先登录", "Sign in first"), t("此页面需要登录。", "This page needs you to sign in."))
      case 403: (t("无权办理", "Not allowed"), t("您的账号无权办理此事项。", "Your account may not do this."))
      case 404: (t("未找到", "Not found"), t("没有此办件，或您无权查看。", "There is no such record, or you may not read it."))
      case 413: (t("文件过大", "Too large"), t("上传的文件超过了大小上限。", "The upload is over the size limit."))
      case 429: (t("尝试过多", "Too many attempts"), t("登录失败次数过多，请稍后再试。", "Too many failed sign-ins; wait and try again."))
      case 400..<500: (t("无法办理", "Cannot be done"), t("请求不完整或有误。", "The request is incomplete or wrong."))
      default: (t("服务暂不可用", "Service failure"), t("服务未能完成此请求，请稍后再试。", "The service could not complete the request; try again later."))
      }
    var body = "<p class=\"message\" id=\"error\">\(esc(text))</p>\n"
    // The details are written in English for API clients; shown on English pages, and on
    // Chinese pages only when they are Chinese themselves (the CSRF note).
    if let detail, visit.language == .en || detail.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) {
      body += "<p class=\"detail\">\(esc(detail))</p>\n"
    }
    if status.code == 401 { body += "<p>\(WebLayout.link("/web/login", t("登录", "Sign in")))</p>\n" }
    return WebLayout.page(visit, title: title, body: body, status: status)
  }

  /// The account, or a redirect to the sign-in page.
  func signedIn(_ visit: WebVisit) throws -> Account {
    guard let account = visit.account else { throw WebRedirect(location: "/web/login?next=" + urlPart(visit.path)) }
    return account
  }

  func clerk(_ visit: WebVisit) throws -> Account {
    let account = try signedIn(visit)
    guard account.kind == .clerk else { throw Problem.forbidden(Access.denial(.clerk)) }
    return account
  }

  var today: CivilDate { (state.options.clock ?? .current()).today }

  // MARK: - Home, sign in, sign out

  @Sendable func home(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    let t = visit.t
    var body = "<p>\(esc(t("企业注册住所预备案与开办餐饮店“一件事”的网上办理。", "Address pre-filing and the restaurant “one thing”, online.")))</p>\n<ul class=\"start\">\n"
    var links: [(String, String)] = []
    switch visit.account?.kind {
    case .clerk?:
      links = [
        ("/web/queue", t("待办：待审查的预备案与一件事", "Work queue: pre-filings and bundles awaiting review")),
        ("/web/submit", t("窗口录入（帮办代办）：预备案、入驻登记、一件事", "Enter at the window: pre-filings, tenant registrations, bundles")),
        ("/web/overdue", t("超期办件", "Overdue bundles")), ("/web/search", t("按编号、统一社会信用代码或身份证号查询", "Search by number, USCC or ID number")),
      ]
    case .owner?, .applicant?:
      links = [("/web/mine", t("我的办件", "My filings")), ("/web/submit", t("上传报文提交", "Upload a packet"))]
    case nil:
      links = [("/web/login", t("登录（工作人员、产权单位、申请人）", "Sign in (clerks, owners, applicants)"))]
    }
    links += [("/web/places", t("预备案地址查询（剩余名额）", "Pre-filed addresses (free places)")), ("/web/licences", t("证照核验", "Licence check"))]
    body += links.map { "<li>\(WebLayout.link($0.0, $0.1))</li>" }.joined(separator: "\n")
    body += "\n</ul>\n"
    return WebLayout.page(visit, title: t("一窗通办", "OneWindow"), body: body)
  }

  func loginPage(_ visit: WebVisit, message: String?, next: String, status: HTTPResponse.Status) -> Response {
    let t = visit.t
    var body = ""
    if let message { body += "<p class=\"message\" id=\"error\">\(esc(message))</p>\n" }
    body += """
      <form method="post" action="/web/login" class="panel" id="login">
      \(visit.csrfField)
      <input type="hidden" name="next" value="\(esc(next))">
      <label for="username">\(esc(t("用户名", "Username")))</label>
      <input type="text" id="username" name="username" autocomplete="username" required>
      <label for="password">\(esc(t("口令", "Password")))</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required>
      <button type="submit">\(esc(t("登录", "Sign in")))</button>
      </form>

      """
    return WebLayout.page(visit, title: t("登录", "Sign in"), body: body, status: status)
  }

  /// Only a path of this service (`/web/…`), never another site.
  static func safeNext(_ next: String?) -> String? {
    guard let next, next.hasPrefix("/web/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
    return next
  }

  @Sendable func loginForm(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    loginPage(visit, message: nil, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)) ?? "", status: .ok)
  }

  /// Throttled like `POST /v1/sessions` (per account and per address); the session is the same
  /// kind of token, kept in an `HttpOnly; SameSite=Strict` cookie.
  @Sendable func login(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    var visit = visit
    let form = try await form(request, visit)
    let username = form.text("username") ?? ""
    let password = form["password"] ?? ""
    let next = Self.safeNext(form["next"]) ?? ""
    let keys = ["account:" + username, "address:" + context.clientAddress]
    guard await state.throttle.allows(keys) else {
      var response = loginPage(
        visit, message: visit.t("登录失败次数过多，请稍后再试。", "Too many failed sign-ins; wait and try again."), next: next, status: .tooManyRequests)
      response.headers[.retryAfter] = String(state.options.loginWindowSeconds)
      return response
    }
    let found = try await state.registry.account(username)
    let matches = try await state.verify(password: password, hash: found?.passwordHash ?? state.decoyHash)
    guard let account = found?.account, matches, account.active else {
      await state.throttle.fail(keys)
      return loginPage(
        visit, message: visit.t("用户名或口令错误，或账号已停用。", "Wrong username or password, or the account is disabled."), next: next,
        status: .unauthorized)
    }
    await state.throttle.succeed(keys)
    let token = Tokens.make()
    let expiresAt = ISO8601DateFormatter().string(from: Date().addingTimeInterval(TimeInterval(state.options.tokenLifetimeSeconds)))
    try await state.registry.storeToken(sha256: Tokens.digest(token), username: account.username, expiresAt: expiresAt)
    visit.setCookies.append(visit.cookie(WebCookie.session, token, maxAge: state.options.tokenLifetimeSeconds))
    let landing = next.isEmpty ? (account.kind == .clerk ? "/web/queue" : "/web/mine") : next
    return WebLayout.redirect(visit, to: landing)
  }

  @Sendable func logout(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    var visit = visit
    _ = try await form(request, visit)
    if let token = WebCookie.all(request)[WebCookie.session], token.count == 64, token.allSatisfy(\.isHexDigit) {
      let digest = Tokens.digest(token)
      try await state.registry.revokeToken(sha256: digest)
      state.forgetTokens(digest)
    }
    visit.setCookies.append(visit.cookie(WebCookie.session, "", maxAge: 0))
    return WebLayout.redirect(visit, to: "/")
  }

  // MARK: - Labels

  func statusLabel(_ status: PreFilingStatus, _ visit: WebVisit) -> String { status.label.text(in: visit.language) }

  func severityLabel(_ severity: Severity, _ visit: WebVisit) -> String {
    switch severity {
    case .error: visit.t("错误", "error")
    case .warning: visit.t("警告", "warning")
    case .info: visit.t("提示", "info")
    }
  }

  func outcomeLabel(_ outcome: Outcome, _ visit: WebVisit) -> String {
    switch outcome {
    case .accepted: visit.t("通过", "accepted")
    case .rejected: visit.t("退回（不予办理）", "rejected")
    case .couldNotRun: visit.t("无法办理", "could not run")
    }
  }

  func centreName(_ code: String?, _ visit: WebVisit) -> String {
    guard let code else { return "" }
    return state.oneWindow.policy.serviceCentre(named: code)?.name.text(in: visit.language) ?? code
  }

  /// The findings in the applicant's words: message, what to do, and (for clerks) the legal basis.
  func findingsHTML(_ findings: [Finding], _ visit: WebVisit) -> String {
    guard !findings.isEmpty else { return "<p class=\"good\" id=\"no-findings\">\(esc(visit.t("未发现问题。", "No findings.")))</p>\n" }
    var html = "<div id=\"findings\">\n"
    for finding in findings.sorted(by: Finding.reportOrder) {
      html += "<div class=\"finding \(esc(finding.severity.rawValue))\"><p><span class=\"id\">[\(esc(finding.ruleID.rawValue))]</span> "
      html += "<strong>\(esc(severityLabel(finding.severity, visit)))</strong>：\(esc(finding.message.text(in: visit.language)))"
      if let value = finding.value, !value.isEmpty { html += "（\(esc(value))）" }
      html += "</p>"
      if let hint = finding.hint { html += "<p class=\"hint\">\(esc(visit.t("怎么办：", "What to do: ")))\(esc(hint.text(in: visit.language)))</p>" }
      if visit.isClerk, let basis = finding.legalBasis {
        html += "<p class=\"basis\">\(esc(visit.t("依据：", "Basis: ")))\(esc(basis.text(in: visit.language)))</p>"
      }
      html += "</div>\n"
    }
    return html + "</div>\n"
  }

  func historyHTML(_ history: [AuditEntry], _ visit: WebVisit) -> String {
    let rows = history.map { entry in
      [
        esc(entry.at), esc(ActivityLabels.label(entry.action, in: visit.language)),
        esc(ActivityLabels.actor("\(entry.actorRole.lowercased()) \(entry.actorID)", in: visit.language)),
        esc(ActivityLabels.detail(entry.detail, in: visit.language)),
      ]
    }
    return WebLayout.table(
      [visit.t("时间", "Time"), visit.t("事项", "Action"), visit.t("办理人", "Actor"), visit.t("说明", "Detail")], rows,
      empty: visit.t("暂无记录。", "Nothing recorded."), id: "trail")
  }

  /// Each version of a record with the receipt that made it (to view, print or download).
  func versionsHTML(_ versions: [(version: Int, kind: String, receipt: String, at: String)], _ visit: WebVisit) -> String {
    "<h2>\(esc(visit.t("版本与回执", "Versions and receipts")))</h2>\n"
      + WebLayout.table(
        [visit.t("版本", "Version"), visit.t("事项", "Kind"), visit.t("回执", "Receipt"), visit.t("时间", "Time")],
        versions.map { version in
          [
            esc(String(version.version)), esc(ActivityLabels.label(version.kind, in: visit.language)),
            WebLayout.link("/web/receipts/\(urlPart(version.receipt))", version.receipt), esc(version.at),
          ]
        }, empty: visit.t("暂无。", "None yet."), id: "versions")
  }

  /// Working days left until `due` (negative when late), when the calendars settle it.
  func workingDaysLeft(_ due: CivilDate?) -> Int? {
    guard let due else { return nil }
    let calendar = state.oneWindow.calendar
    if due >= today { return try? calendar.workingDays(after: today, through: due) }
    return (try? calendar.workingDays(after: due, through: today)).map { -$0 }
  }

  // MARK: - Clerk pages

  /// Where and by whom a record was entered: its first receipt's centre and clerk.
  func entry(_ receiptNumber: String?, _ registry: Registry) async throws -> (centre: String?, clerk: String?, receipt: Receipt?) {
    guard let receiptNumber, let receipt = try await registry.receipt(receiptNumber) else { return (nil, nil, nil) }
    let clerk = receipt.actorRole == .clerk ? receipt.actorID : nil
    return (receipt.origin?.serviceCentre ?? receipt.serviceCentre, clerk, receipt)
  }

  @Sendable func queue(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try clerk(visit)
    let t = visit.t
    let registry = try state.registry(for: context)
    let wantedCentre = request.uri.queryParameters["centre"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    let wantedClerk = request.uri.queryParameters["clerk"].map(String.init).flatMap { $0.isEmpty ? nil : Actor.normalized($0) }
    func keep(_ centre: String?, _ clerk: String?) -> Bool {
      (wantedCentre == nil || centre == wantedCentre) && (wantedClerk == nil || clerk == wantedClerk)
    }
    var preRows: [[String]] = []
    for summary in try await registry.preFilings(asOf: today, filter: PreFilingFilter(status: .submitted)) {
      let entered = try await entry(summary.submittedReceipt, registry)
      guard keep(entered.centre, entered.clerk) else { continue }
      preRows.append([
        WebLayout.link("/web/prefilings/\(urlPart(summary.reference))", summary.reference), esc(summary.premisesName),
        esc(summary.ownerName), esc(String(summary.units)), esc(centreName(entered.centre, visit)), esc(entered.clerk ?? t("产权单位网上提交", "owner online")),
      ])
    }
    // Each bundle once per lane: a track's reviewers see what awaits them, issuers what is approved.
    var lanes: [String: (rows: [[String]], classes: [String?])] = [:]
    /// The tracks of other definitions (publication, hygiene…), each a lane of its own, by name.
    var otherLanes: [String: LocalizedText] = [:]
    let open: Set<BundleStatus> = [.underReview, .correctionRequested, .approved]
    for summary in try await registry.bundles() where open.contains(summary.status) {
      let first = try await registry.bundle(summary.number)?.versions.first?.receipt
      let entered = try await entry(first, registry)
      guard keep(entered.centre, entered.clerk) else { continue }
      let left = workingDaysLeft(summary.dueOn)
      let late = summary.dueOn.map { today > $0 } ?? false
      func row(_ state: String) -> [String] {
        [
          WebLayout.link("/web/bundles/\(urlPart(summary.number))", summary.number), esc(summary.businessName), esc(state),
          esc(summary.acceptedOn.description), esc(summary.dueOn?.description ?? t("待定", "provisional")),
          esc(left.map(String.init) ?? "—") + (late ? " <strong class=\"overdue\">\(esc(t("已超期", "overdue")))</strong>" : ""),
          esc(centreName(entered.centre, visit)), esc(entered.clerk ?? t("申请人网上提交", "applicant online")),
        ]
      }
      var placed: [(String, [String])] = []
      if summary.status == .approved {
        placed.append(("issue", row(summary.status.label.text(in: visit.language))))
      } else {
        for track in summary.tracks where track.status == .pending || track.status == .correctionRequested {
          let lane = track.track.rawValue.lowercased()
          if track.track != .business, track.track != .food { otherLanes[lane] = track.label }
          placed.append((lane, row(track.status.label.text(in: visit.language))))
        }
      }
      for (lane, cells) in placed {
        lanes[lane, default: ([], [])].rows.append(cells)
        lanes[lane, default: ([], [])].classes.append(late ? "overdue" : nil)
      }
    }
    var body = "<form method=\"get\" action=\"/web/queue\" class=\"panel\" id=\"filter\">\n"
    body += "<label for=\"centre\">\(esc(t("服务中心", "Service centre")))</label><select id=\"centre\" name=\"centre\"><option value=\"\">\(esc(t("全部", "All")))</option>"
    for centre in state.oneWindow.policy.serviceCentres {
      body += "<option value=\"\(esc(centre.code))\"\(centre.code == wantedCentre ? " selected" : "")>\(esc(centre.name.text(in: visit.language)))</option>"
    }
    body += "</select>\n<label for=\"clerk\">\(esc(t("录入人工号", "Entering clerk")))</label><input type=\"text\" id=\"clerk\" name=\"clerk\" value=\"\(esc(wantedClerk ?? ""))\">\n"
    body += "<button type=\"submit\">\(esc(t("筛选", "Filter")))</button></form>\n"
    body += "<h2>\(esc(t("待审查的预备案", "Pre-filings awaiting review")))</h2>\n"
    body += WebLayout.table(
      [t("回执编号", "Receipt"), t("场所", "Premises"), t("产权单位", "Owner"), t("单元数", "Units"), t("受理中心", "Centre"), t("录入人", "Entered by")],
      preRows, empty: t("没有待审查的预备案。", "No pre-filing awaits review."), id: "prefilings")
    let headers = [
      t("办件编号", "Bundle"), t("店名", "Business"), t("状态", "Status"), t("受理日", "Accepted on"), t("承诺办结日", "Due on"),
      t("剩余工作日", "Working days left"), t("受理中心", "Centre"), t("录入人", "Entered by"),
    ]
    let extraLanes = otherLanes.sorted { $0.key < $1.key }.map { lane, name in
      (lane, t("一件事 · \(name.zh)审批线", "Bundles · \(name.en) track"))
    }
    let laneTitles =
      [
        ("business", t("一件事 · 营业执照审批线（2 个工作日办结）", "Bundles · business licence track (2 working days)")),
        ("food", t("一件事 · 食品经营许可审批线（2 个工作日办结）", "Bundles · food licence track (2 working days)")),
      ] + extraLanes + [("issue", t("一件事 · 各审批线均已准予，待统一出证", "Bundles · every track approved, to issue"))]
    for (lane, title) in laneTitles {
      body += "<h2>\(esc(title))</h2>\n"
      body += WebLayout.table(
        headers, lanes[lane]?.rows ?? [], empty: t("没有。", "None."), id: "bundles-\(lane)", rowClasses: lanes[lane]?.classes ?? [])
    }
    return WebLayout.page(visit, title: t("待办", "Work queue"), body: body)
  }

  @Sendable func overdue(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try clerk(visit)
    let t = visit.t
    let registry = try state.registry(for: context)
    let rows = try await registry.overdueBundles(asOf: today).map { late in
      [
        WebLayout.link("/web/bundles/\(urlPart(late.summary.number))", late.summary.number), esc(late.summary.businessName),
        esc(late.summary.acceptedOn.description), esc(late.summary.dueOn?.description ?? ""),
        "<strong class=\"overdue\">\(esc(String(late.workingDaysLate)))</strong>",
      ]
    }
    let body = WebLayout.table(
      [t("办件编号", "Bundle"), t("店名", "Business"), t("受理日", "Accepted on"), t("承诺办结日", "Due on"), t("超期工作日", "Working days late")],
      rows, empty: t("没有超期办件。", "Nothing is overdue."), id: "overdue")
    return WebLayout.page(visit, title: t("超期办件", "Overdue bundles"), body: body)
  }

  @Sendable func search(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try clerk(visit)
    let t = visit.t
    let registry = try state.registry(for: context)
    let query = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    var body = """
      <form method="get" action="/web/search" class="panel" id="search">
      <label for="q">\(esc(t("预备案编号、回执编号、一件事编号、统一社会信用代码、许可证编号、身份证号或名称", "Pre-filing, receipt or bundle number, USCC, licence number, ID number or name")))</label>
      <input type="text" id="q" name="q" value="\(esc(query))">
      <button type="submit">\(esc(t("查询", "Search")))</button>
      </form>

      """
    if !query.isEmpty {
      let wanted = Actor.normalized(query)
      var rows: [[String]] = []
      for summary in try await registry.preFilings(asOf: today) {
        let keys = [summary.number ?? "", summary.submittedReceipt, summary.ownerIdentity].map(Actor.normalized)
        guard keys.contains(wanted) || summary.premisesName.contains(query) || summary.ownerName.contains(query) else { continue }
        rows.append([
          esc(t("预备案", "Pre-filing")), WebLayout.link("/web/prefilings/\(urlPart(summary.reference))", summary.reference),
          esc("\(summary.premisesName)（\(summary.ownerName)）"), esc(statusLabel(summary.status, visit)),
        ])
      }
      for summary in try await registry.bundles() {
        let keys = [summary.number, summary.uscc ?? "", summary.foodLicenceNumber ?? "", summary.operatorIdentity ?? ""].map(Actor.normalized)
        guard keys.contains(wanted) || summary.businessName.contains(query) || summary.operatorName.contains(query) else { continue }
        rows.append([
          esc(t("一件事", "Bundle")), WebLayout.link("/web/bundles/\(urlPart(summary.number))", summary.number),
          esc("\(summary.businessName)（\(summary.operatorName)）"), esc(summary.status.label.text(in: visit.language)),
        ])
      }
      if let receipt = try await registry.receipt(wanted) {
        rows.append([
          esc(t("回执", "Receipt")), WebLayout.link("/web/receipts/\(urlPart(receipt.number))", receipt.number),
          esc(ActivityLabels.label(receipt.operation, in: visit.language)), esc(outcomeLabel(receipt.outcome, visit)),
        ])
      }
      body += WebLayout.table([t("类别", "Kind"), t("编号", "Number"), t("名称", "Name"), t("状态", "Status")], rows, empty: t("没有找到。", "Nothing found."), id: "results")
    }
    return WebLayout.page(visit, title: t("查询", "Search"), body: body)
  }

  // MARK: - Records

  @Sendable func preFilingPage(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    let t = visit.t
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    guard let detail = try await registry.preFiling(reference, asOf: today),
      try Access.mayRead(context, owners: [detail.summary.ownerIdentity])
    else { throw Problem.notFound("no pre-filing \(reference) you may read") }
    let summary = detail.summary
    let entered = try await entry(summary.submittedReceipt, registry)
    var facts: [(String, String)] = [
      (t("产权单位", "Owner"), esc(summary.ownerName)), (t("场所", "Premises"), esc(summary.premisesName)),
      (t("地址", "Address"), esc(summary.address)),
      (t("预备案编号", "Pre-filing number"), esc(summary.number ?? t("（审查通过后编号）", "(numbered when approved)"))),
      (t("提交回执", "Submission receipt"), WebLayout.link("/web/receipts/\(urlPart(summary.submittedReceipt))", summary.submittedReceipt)),
      (t("报文编号", "Packet id"), esc(entered.receipt?.packetID ?? "")),
      (t("状态", "Status"), "<strong id=\"status\">\(esc(statusLabel(summary.status, visit)))</strong>"),
      (t("单元 / 名额 / 已入驻", "Units / places / occupied"), esc("\(summary.units) / \(summary.places) / \(summary.occupied)")),
    ]
    if let from = summary.validFrom, let until = summary.validUntil { facts.append((t("有效期", "Valid"), esc("\(from) – \(until)"))) }
    if visit.isClerk {
      facts.append((t("录入", "Entered"), esc("\(centreName(entered.centre, visit)) \(entered.clerk ?? t("产权单位网上提交", "owner online"))")))
    }
    if let reason = detail.reason { facts.append((t("理由", "Reason"), esc(reason))) }
    var body = WebLayout.facts(facts, id: "record")
    body += "<p class=\"actions\">\(WebLayout.link("/web/receipts/\(urlPart(summary.submittedReceipt))/packet", t("下载原始报文", "Download the original packet")))</p>\n"
    body += "<h2>\(esc(t("单元", "Units")))</h2>\n"
    body += WebLayout.table(
      [t("单元", "Unit"), t("楼层", "Floor"), t("房间", "Room"), t("面积（㎡）", "Area (m²)"), t("规划用途", "Planned use"), t("名额", "Capacity"), t("已入驻", "Occupied")],
      detail.units.filter { $0.retiredIn == nil }.map { unit in
        [
          esc(unit.id), esc(unit.floor), esc(unit.room), esc(String(format: "%.2f", unit.area)),
          esc(ActivityLabels.code(unit.plannedUse, as: PlannedUse.self, in: visit.language)), esc(String(unit.capacity)), esc(String(unit.occupied)),
        ]
      }, empty: t("没有单元。", "No units."), id: "units")
    if !detail.tenancies.isEmpty {
      body += "<h2>\(esc(t("入驻登记", "Tenancies")))</h2>\n"
      body += WebLayout.table(
        [t("单元", "Unit"), t("入驻主体", "Tenant"), t("期限", "Term"), t("回执", "Receipt")],
        detail.tenancies.map { [esc($0.unit), esc($0.tenant), esc("\($0.termStart) – \($0.termEnd)"), WebLayout.link("/web/receipts/\(urlPart($0.receipt))", $0.receipt)] },
        empty: "", id: "tenancies")
    }
    body += versionsHTML(detail.versions.map { ($0.version, $0.kind, $0.receipt, $0.at) }, visit)
    if !detail.reviewFindings.isEmpty {
      body += "<h2>\(esc(t("审查意见", "Review findings")))</h2>\n" + findingsHTML(detail.reviewFindings, visit)
    }
    if summary.status == .submitted, let account = visit.account, account.has(.reviewer) {
      body += "<h2>\(esc(t("审查决定", "Decision")))</h2>\n"
      if let clerk = entered.clerk {
        let own = clerk == account.identity
        body += "<p class=\"note\" id=\"four-eyes\">\(esc(t("四眼原则：本件由工作人员 \(clerk) 录入，录入人不得审批。", "Four eyes: clerk \(clerk) entered this packet and may not decide it.")))"
        if own { body += " <strong>\(esc(t("您是本件录入人，审批将被拒绝。", "You entered it: your decision will be refused.")))</strong>" }
        body += "</p>\n"
      }
      body += decisionForm(action: "/web/prefilings/\(urlPart(summary.submittedReceipt))/review", visit, inspection: false)
    }
    if visit.isClerk {
      body += "<h2>\(esc(t("办理记录", "Audit trail")))</h2>\n" + historyHTML(detail.history, visit)
    }
    return WebLayout.page(visit, title: "\(summary.premisesName) · \(t("预备案", "pre-filing"))", body: body)
  }

  func decisionForm(action: String, _ visit: WebVisit, inspection: Bool, id: String = "decision") -> String {
    let t = visit.t
    var html = """
      <form method="post" action="\(esc(action))" class="panel" id="\(esc(id))">
      \(visit.csrfField)
      <label for="\(id)-decision">\(esc(t("决定", "Decision")))</label>
      <select id="\(id)-decision" name="decision">
      <option value="APPROVE">\(esc(DecisionKind.approve.label.text(in: visit.language)))</option>
      <option value="REJECT">\(esc(DecisionKind.reject.label.text(in: visit.language)))</option>
      <option value="REQUEST_CORRECTION">\(esc(DecisionKind.requestCorrection.label.text(in: visit.language)))</option>
      </select>
      <label for="\(id)-reasons">\(esc(t("理由（每行一条；不予通过或要求补正时必填）", "Reasons (one a line; needed to reject or request a correction)")))</label>
      <textarea id="\(id)-reasons" name="reasons"></textarea>

      """
    if inspection {
      html += """
        <label for="\(id)-inspectors">\(esc(t("现场核查人员工号（逗号分隔，至少两人）", "On-site inspectors' staff numbers (comma-separated, at least two)")))</label>
        <input type="text" id="\(id)-inspectors" name="inspectors">
        <label for="\(id)-inspected">\(esc(t("核查日期", "Inspected on")))</label>
        <input type="date" id="\(id)-inspected" name="inspectedOn">
        <label for="\(id)-result">\(esc(t("核查结论", "Result")))</label>
        <select id="\(id)-result" name="result">
        <option value="PASS">\(esc(InspectionResult.pass.label.text(in: visit.language)))</option>
        <option value="PASS_AFTER_RECTIFICATION">\(esc(InspectionResult.passAfterRectification.label.text(in: visit.language)))</option>
        <option value="FAIL">\(esc(InspectionResult.fail.label.text(in: visit.language)))</option>
        </select>

        """
    }
    return html + "<button type=\"submit\">\(esc(t("提交决定", "Record the decision")))</button>\n</form>\n"
  }

  func reasons(_ form: WebForm) -> [String] {
    (form["reasons"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  @Sendable func review(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    let form = try await form(request, visit)
    let actor = try Access.actor(context, .reviewer)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    let given = reasons(form)
    let decision: PreFilingDecision
    switch form["decision"] {
    case "APPROVE": decision = .approve(validFrom: nil, validUntil: nil, reasons: given)
    case "REJECT": decision = .reject(reasons: given)
    case "REQUEST_CORRECTION": decision = .requestCorrection(reasons: given)
    default: throw Problem.badRequest("decision is APPROVE, REJECT or REQUEST_CORRECTION")
    }
    let receipt = try await registry.reviewPreFiling(reference, decision: decision, by: actor, clock: state.clock(for: context))
    return WebLayout.redirect(visit, to: "/web/receipts/\(urlPart(receipt.number))")
  }

  @Sendable func bundlePage(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    let t = visit.t
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    guard let detail = try await registry.bundle(reference),
      try Access.mayRead(context, owners: [detail.summary.operatorIdentity].compactMap { $0 })
    else { throw Problem.notFound("no bundle \(reference) you may read") }
    let summary = detail.summary
    let firstReceipt = detail.versions.first?.receipt
    let entered = try await entry(firstReceipt, registry)
    let late = summary.dueOn.map { today > $0 } ?? false
    var facts: [(String, String)] = [
      (t("申请人（经营者）", "Applicant (operator)"), esc(summary.operatorName)), (t("店名", "Business name"), esc(summary.businessName)),
      (t("办件编号", "Bundle number"), esc(summary.number)), (t("类别", "Kind"), esc(summary.kind.label.text(in: visit.language))),
      (t("状态", "Status"), "<strong id=\"status\">\(esc(summary.status.label.text(in: visit.language)))</strong>"),
      (t("报文编号", "Packet id"), esc(entered.receipt?.packetID ?? "")),
    ]
    if let premises = entered.receipt?.particulars?.premises { facts.insert((t("场所", "Premises"), esc(premises)), at: 2) }
    if let number = detail.preFilingNumber {
      facts.append((t("住所预备案", "Pre-filed address"), esc(number + (detail.unit.map { " · \($0)" } ?? ""))))
    }
    facts += [
      (t("受理日", "Accepted on"), esc(summary.acceptedOn.description)),
      (t("承诺办结日", "Due on"), esc(summary.dueOn?.description ?? t("待定（节假日安排未公布）", "provisional (calendar not published)"))),
    ]
    if summary.issuedOn == nil {
      let left = workingDaysLeft(summary.dueOn).map(String.init) ?? "—"
      facts.append((t("剩余工作日", "Working days left"), late ? "<strong class=\"overdue\">\(esc(left)) \(esc(t("已超期", "overdue")))</strong>" : esc(left)))
    }
    var body = WebLayout.facts(facts, id: "record")
    if let firstReceipt {
      body += "<p class=\"actions\">\(WebLayout.link("/web/receipts/\(urlPart(firstReceipt))", t("受理回执", "Acceptance receipt"))) \(WebLayout.link("/web/receipts/\(urlPart(firstReceipt))/packet", t("下载原始报文", "Download the original packet")))</p>\n"
    }
    if let certificates = detail.certificates {
      body += "<h2>\(esc(t("统一出证", "Licences issued together")))</h2>\n<div id=\"licences\" class=\"numbers\">\n"
      body += "<p>\(esc(t("营业执照 统一社会信用代码：", "Business licence, USCC: ")))<strong id=\"uscc\">\(esc(certificates.business.uscc))</strong></p>\n"
      body += "<p>\(esc(t("食品经营许可证编号：", "Food business licence number: ")))<strong id=\"food-licence\">\(esc(certificates.food.number))</strong></p>\n"
      body += "<p>\(esc(t("食品经营许可证有效期：", "Food licence valid: ")))\(esc("\(certificates.food.validFrom) – \(certificates.food.validUntil)"))</p>\n</div>\n"
      if let receipt = try await issuanceReceipt(detail, registry) {
        body += "<p class=\"actions\">\(WebLayout.link("/web/receipts/\(urlPart(receipt.number))/xml", t("下载出证回执（XML）", "Download the issuance (XML)")))</p>\n"
      }
    }
    body += "<h2>\(esc(t("两个审批线", "The two tracks")))</h2>\n"
    body += WebLayout.table(
      [t("审批线", "Track"), t("状态", "Status"), t("决定人", "Decided by"), t("决定日", "Decided on"), t("理由", "Reasons")],
      summary.tracks.map { track in
        [
          esc(track.label.text(in: visit.language)), "<span id=\"track-\(esc(track.track.rawValue.lowercased()))\">\(esc(track.status.label.text(in: visit.language)))</span>",
          esc(track.decidedBy ?? ""), esc(track.decidedOn?.description ?? ""), esc(track.reasons.joined(separator: "；")),
        ]
      }, empty: "", id: "tracks")
    body += versionsHTML(detail.versions.map { ($0.version, $0.kind, $0.receipt, $0.at) }, visit)
    if !detail.reviewFindings.isEmpty {
      body += "<h2>\(esc(t("审查意见", "Review findings")))</h2>\n" + findingsHTML(detail.reviewFindings.map(\.finding), visit)
    }
    if let account = visit.account, account.has(.reviewer), summary.status == .underReview {
      if let clerk = entered.clerk {
        body += "<p class=\"note\" id=\"four-eyes\">\(esc(t("四眼原则：本件由工作人员 \(clerk) 录入，录入人不得审批。", "Four eyes: clerk \(clerk) entered this packet and may not decide it.")))</p>\n"
      }
      for track in summary.tracks where track.status == .pending {
        body += "<h2>\(esc(t("决定：", "Decide: ") + track.label.text(in: visit.language)))</h2>\n"
        body += decisionForm(
          action: "/web/bundles/\(urlPart(summary.number))/tracks/\(track.track.rawValue.lowercased())/decision", visit,
          inspection: (track.track == .food && detail.inspectionRequired) || track.inspectorsNeeded != nil, id: "decide-\(track.track.rawValue.lowercased())")
      }
    }
    if let account = visit.account, account.has(.issuer), summary.status == .approved {
      body += "<form method=\"post\" action=\"/web/bundles/\(esc(urlPart(summary.number)))/issuance\" class=\"panel\" id=\"issue\">\(visit.csrfField)"
      body += "<button type=\"submit\">\(esc(t("统一出证（营业执照与食品经营许可证）", "Issue both licences")))</button></form>\n"
    }
    if visit.isClerk {
      body += "<h2>\(esc(t("办理记录", "Audit trail")))</h2>\n" + historyHTML(detail.history, visit)
    }
    return WebLayout.page(visit, title: "\(summary.businessName) · \(t("开办餐饮店一件事", "restaurant bundle"))", body: body)
  }

  /// The receipt of the bundle's issuance, from its trail.
  func issuanceReceipt(_ detail: BundleDetail, _ registry: Registry) async throws -> Receipt? {
    guard let event = detail.history.last(where: { $0.action == "bundle.issued" }) else { return nil }
    for piece in event.detail.components(separatedBy: "; ") where piece.hasPrefix("receipt=") {
      return try await registry.receipt(String(piece.dropFirst("receipt=".count)))
    }
    return nil
  }

  @Sendable func decide(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    let form = try await form(request, visit)
    let actor = try Access.actor(context, .reviewer)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    guard let track = Track(rawValue: try context.parameters.require("track").uppercased()) else { throw Problem.notFound("no such track") }
    let given = reasons(form)
    let decision: TrackDecision
    switch form["decision"] {
    case "APPROVE":
      var inspection: InspectionRecord?
      if let inspectors = form.text("inspectors") {
        guard let date = form.text("inspectedOn").flatMap(CivilDate.init(exactly:)) else { throw Problem.badRequest(visit.t("请填写核查日期。", "Give the inspection date.")) }
        guard let result = form.text("result").flatMap(InspectionResult.init(rawValue:)) else { throw Problem.badRequest("result") }
        inspection = InspectionRecord(
          inspectedOn: date, inspectors: inspectors.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) },
          result: result)
      }
      decision = .approve(inspection: inspection, reasons: given)
    case "REJECT": decision = .reject(reasons: given)
    case "REQUEST_CORRECTION": decision = .requestCorrection(reasons: given)
    default: throw Problem.badRequest("decision is APPROVE, REJECT or REQUEST_CORRECTION")
    }
    let receipt = try await registry.decideTrack(reference, track: track, decision: decision, by: actor, clock: state.clock(for: context))
    return WebLayout.redirect(visit, to: "/web/receipts/\(urlPart(receipt.number))")
  }

  @Sendable func issue(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    _ = try await form(request, visit)
    let actor = try Access.actor(context, .issuer)
    let registry = try state.registry(for: context)
    let reference = try context.parameters.require("ref")
    let receipt = try await registry.issueBundle(reference, by: actor, clock: state.clock(for: context))
    if receipt.outcome == .accepted { return WebLayout.redirect(visit, to: "/web/bundles/\(urlPart(reference))") }
    return WebLayout.redirect(visit, to: "/web/receipts/\(urlPart(receipt.number))")
  }

  // MARK: - Receipts

  func readable(_ context: ServiceContext) async throws -> Receipt {
    try await RecordRoutes(state: state).readableReceipt(context)
  }

  @Sendable func receiptPage(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    let t = visit.t
    let receipt = try await readable(context)
    let outcome = outcomeLabel(receipt.outcome, visit)
    let operation = ActivityLabels.label(receipt.operation, in: visit.language)
    var facts: [(String, String)] = [
      (t("回执编号", "Receipt number"), "<strong id=\"receipt-number\">\(esc(receipt.number))</strong>"),
      (t("办理事项", "Operation"), esc(operation)),
      (t("结果", "Outcome"), "<strong id=\"outcome\" class=\"\(receipt.outcome == .accepted ? "good" : "bad")\">\(esc(outcome))</strong>"),
    ]
    if let particulars = receipt.particulars {
      if let name = particulars.applicantName { facts.append((t("申请人", "Applicant"), esc(name))) }
      if let name = particulars.businessName { facts.append((t("名称", "Business name"), esc(name))) }
      if let premises = particulars.premises { facts.append((t("场所", "Premises"), esc(premises))) }
      if let units = particulars.units, !units.isEmpty { facts.append((t("单元", "Units"), esc(units.joined(separator: "、")))) }
    }
    if let packetID = receipt.packetID { facts.append((t("报文编号", "Packet id"), esc(packetID))) }
    if let subject = receipt.subject {
      let href = subject.hasPrefix("YJS-") ? "/web/bundles/\(urlPart(subject))" : subject.hasPrefix("YBA-") || receipt.operation.hasPrefix("prefile.") ? "/web/prefilings/\(urlPart(subject))" : nil
      facts.append((t("办件", "Record"), href.map { WebLayout.link($0, subject) } ?? esc(subject)))
    }
    if let due = receipt.dueOn { facts.append((t("承诺办结日", "Due on"), esc(due.description))) }
    if let licences = receipt.licences {
      if let uscc = licences.uscc { facts.append((t("统一社会信用代码", "USCC"), "<strong>\(esc(uscc))</strong>")) }
      if let food = licences.foodLicenceNumber { facts.append((t("食品经营许可证编号", "Food licence number"), "<strong>\(esc(food))</strong>")) }
      for permit in licences.permits ?? [] {
        facts.append((t("证照编号（\(permit.track)）", "Certificate (\(permit.track))"), "<strong>\(esc(permit.number))</strong>"))
      }
    }
    facts.append((t("时间", "Time"), esc(receipt.issuedAt)))
    var body = WebLayout.facts(facts, id: "receipt")
    body += "<p class=\"actions\">"
    body += WebLayout.link("/web/receipts/\(urlPart(receipt.number))/print", t("打印回执", "Print the receipt")) + " "
    body += WebLayout.link("/web/receipts/\(urlPart(receipt.number))/xml", t("下载回执（XML）", "Download the receipt (XML)"))
    if receipt.packetStored != false, receipt.packetSHA256 != nil {
      body += " " + WebLayout.link("/web/receipts/\(urlPart(receipt.number))/packet", t("下载原始报文", "Download the original packet"))
    }
    body += "</p>\n<h2>\(esc(t("检查意见", "Findings")))</h2>\n" + findingsHTML(receipt.findings, visit)
    return WebLayout.page(visit, title: t("回执 ", "Receipt ") + receipt.number, body: body)
  }

  /// The printable A4 回执 (the same page as `Accept: text/html` on a write).
  @Sendable func receiptPrint(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    let receipt = try await readable(context)
    let html = ReceiptHTMLRenderer(oneWindow: state.oneWindow, language: visit.language).render(receipt)
    return Response(
      status: .ok, headers: WebLayout.headers(visit, policy: WebLayout.documentPolicy), body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  @Sendable func receiptXML(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    let receipt = try await readable(context)
    var fields = WebLayout.headers(visit, type: "application/xml; charset=utf-8")
    fields[.contentDisposition] = Messages.contentDisposition(fileName: "\(receipt.number).xml")
    return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: receipt.xml)))
  }

  @Sendable func receiptPacket(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    _ = try signedIn(visit)
    let receipt = try await readable(context)
    let registry = try state.registry(for: context)
    guard let stored = try await registry.packet(forReceipt: receipt.number) else {
      throw Problem.notFound("receipt \(receipt.number) kept no packet")
    }
    let zip = stored.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    var fields = WebLayout.headers(visit, type: zip ? "application/zip" : "application/xml")
    fields[.contentDisposition] = Messages.contentDisposition(fileName: "\(receipt.number)-packet.\(zip ? "zip" : "xml")")
    return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: stored.bytes)))
  }

  // MARK: - Owners and applicants

  @Sendable func mine(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    let account = try signedIn(visit)
    let t = visit.t
    if account.kind == .clerk { throw WebRedirect(location: "/web/queue") }
    let registry = try state.registry(for: context)
    var body = "<p class=\"actions\">\(WebLayout.link("/web/submit", t("上传报文提交", "Upload a packet")))</p>\n"
    let preFilings = try await registry.preFilings(asOf: today, filter: PreFilingFilter(ownerIdentity: account.identity))
    body += "<h2>\(esc(t("我的预备案", "My pre-filings")))</h2>\n"
    body += WebLayout.table(
      [t("编号", "Number"), t("场所", "Premises"), t("状态", "Status"), t("单元", "Units"), t("名额", "Places"), t("已入驻", "Occupied"), t("有效期至", "Valid until")],
      preFilings.map { summary in
        [
          WebLayout.link("/web/prefilings/\(urlPart(summary.reference))", summary.reference), esc(summary.premisesName),
          esc(statusLabel(summary.status, visit)), esc(String(summary.units)), esc(String(summary.places)), esc(String(summary.occupied)),
          esc(summary.validUntil?.description ?? ""),
        ]
      }, empty: t("还没有预备案。", "No pre-filing yet."), id: "my-prefilings")
    let bundles = try await registry.bundles().filter { ($0.operatorIdentity.map(Actor.normalized) ?? "") == account.identity }
    body += "<h2>\(esc(t("我的一件事", "My bundles")))</h2>\n"
    body += WebLayout.table(
      [t("办件编号", "Bundle"), t("店名", "Business"), t("状态", "Status"), t("审批线", "Tracks"), t("承诺办结日", "Due on")],
      bundles.map { summary in
        [
          WebLayout.link("/web/bundles/\(urlPart(summary.number))", summary.number), esc(summary.businessName),
          esc(summary.status.label.text(in: visit.language)),
          esc(summary.tracks.map { "\($0.label.text(in: visit.language))：\($0.status.label.text(in: visit.language))" }.joined(separator: "；")),
          esc(summary.dueOn?.description ?? ""),
        ]
      }, empty: t("还没有一件事。", "No bundle yet."), id: "my-bundles")
    return WebLayout.page(visit, title: t("我的办件", "My filings"), body: body)
  }

  /// What a packet upload may be, and who may send each kind.
  enum SubmissionKind: String, CaseIterable {
    case prefiling, amendment, withdrawal, registration, bundle

    func label(_ visit: WebVisit) -> String {
      switch self {
      case .prefiling: visit.t("住所预备案", "Address pre-filing")
      case .amendment: visit.t("预备案变更", "Pre-filing amendment")
      case .withdrawal: visit.t("预备案撤回", "Pre-filing withdrawal")
      case .registration: visit.t("入驻登记", "Tenant registration")
      case .bundle: visit.t("开办餐饮店一件事", "Restaurant bundle")
      }
    }

    var permission: Permission {
      switch self {
      case .prefiling, .amendment, .withdrawal: .ownerOrClerk
      case .registration, .bundle: .applicantOrClerk
      }
    }

    func allowed(for account: Account) -> Bool {
      switch account.kind {
      case .clerk: true
      case .owner: permission == .ownerOrClerk
      case .applicant: permission == .applicantOrClerk
      }
    }
  }

  @Sendable func submitForm(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    let account = try signedIn(visit)
    let t = visit.t
    let kinds = SubmissionKind.allCases.filter { $0.allowed(for: account) }
    let chosen = request.uri.queryParameters["kind"].map(String.init)
    var body = ""
    if account.kind == .clerk {
      body += "<p class=\"note\">\(esc(t("帮办代办：您以工作人员身份在\(centreName(account.serviceCentre, visit))窗口录入，回执记录您的工号和服务中心。", "At the window: you enter this as a clerk at \(centreName(account.serviceCentre, visit)); the receipt records your staff number and centre.")))</p>\n"
    }
    body += """
      <form method="post" action="/web/submit" enctype="multipart/form-data" class="panel" id="upload">
      \(visit.csrfField)
      <label for="kind">\(esc(t("事项", "Kind")))</label>
      <select id="kind" name="kind">
      \(kinds.map { "<option value=\"\($0.rawValue)\"\($0.rawValue == chosen ? " selected" : "")>\(esc($0.label(visit)))</option>" }.joined(separator: "\n"))
      </select>
      <label for="packet">\(esc(t("报文（XML 文件，或含附件的 zip 包）", "Packet (an XML file, or a zip with its attachments)")))</label>
      <input type="file" id="packet" name="packet" accept=".xml,.zip,application/xml,application/zip" required>
      <button type="submit">\(esc(t("提交", "Submit")))</button>
      </form>

      """
    return WebLayout.page(visit, title: t("上传报文提交", "Upload a packet"), body: body)
  }

  @Sendable func submit(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    let account = try signedIn(visit)
    let form = try await form(request, visit)
    guard let kind = form["kind"].flatMap(SubmissionKind.init(rawValue:)) else { throw Problem.badRequest(visit.t("请选择事项。", "Choose the kind.")) }
    guard kind.allowed(for: account) else { throw Problem.forbidden(Access.denial(kind.permission)) }
    let actor = try Access.actor(context, kind.permission)
    guard let file = form.files["packet"] else { throw Problem.badRequest(visit.t("请选择要上传的报文文件。", "Choose the packet file to upload.")) }
    let registry = try state.registry(for: context)
    let source = PacketSource(displayName: file.name, kind: .memory(bytes: file.bytes))
    let clock = state.clock(for: context)
    let receipt = try await state.gate.admit { () async throws -> Receipt in
      switch kind {
      case .prefiling: try await registry.submitPreFiling(source, by: actor, clock: clock)
      case .amendment: try await registry.amendPreFiling(source, by: actor, clock: clock)
      case .withdrawal: try await registry.withdrawPreFiling(source, by: actor, clock: clock)
      case .registration: try await registry.register(source, by: actor, clock: clock)
      case .bundle: try await registry.submitBundle(source, by: actor, clock: clock)
      }
    }
    return WebLayout.redirect(visit, to: "/web/receipts/\(urlPart(receipt.number))")
  }

  // MARK: - Public

  @Sendable func places(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    let t = visit.t
    let query = request.uri.queryParameters
    let subdistrict = query["subdistrict"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
    let building = query["building"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
    var body = """
      <form method="get" action="/web/places" class="panel" id="places-search">
      <label for="subdistrict">\(esc(t("街道", "Subdistrict (街道)")))</label>
      <input type="text" id="subdistrict" name="subdistrict" value="\(esc(subdistrict))">
      <label for="building">\(esc(t("楼宇或院落", "Building or courtyard")))</label>
      <input type="text" id="building" name="building" value="\(esc(building))">
      <button type="submit">\(esc(t("查询", "Search")))</button>
      </form>

      """
    let filter = FreePlaceFilter(subdistrict: subdistrict.isEmpty ? nil : subdistrict, building: building.isEmpty ? nil : building)
    let found = try await state.registry(for: context).freePlaces(asOf: today, filter: filter)
    body += WebLayout.table(
      [t("预备案编号", "Pre-filing"), t("楼宇", "Building"), t("地址", "Address"), t("单元", "Unit"), t("楼层", "Floor"), t("规划用途", "Planned use"), t("名额", "Capacity"), t("剩余名额", "Places left")],
      found.map { place in
        [
          esc(place.preFilingNumber), esc(place.building), esc(place.address), esc(place.unit), esc(place.floor),
          esc(ActivityLabels.code(place.plannedUse, as: PlannedUse.self, in: visit.language)), esc(String(place.capacity)),
          "<strong>\(esc(String(place.placesLeft)))</strong>",
        ]
      }, empty: t("没有找到有剩余名额的预备案地址。", "No pre-filed address with free places found."), id: "places")
    return WebLayout.page(visit, title: t("预备案地址查询", "Pre-filed addresses"), body: body)
  }

  @Sendable func licences(_ request: Request, _ context: ServiceContext, _ visit: WebVisit) async throws -> Response {
    let t = visit.t
    let number = (request.uri.queryParameters["number"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    var body = """
      <form method="get" action="/web/licences" class="panel" id="licence-check">
      <label for="number">\(esc(t("统一社会信用代码或食品经营许可证编号", "USCC or food business licence number")))</label>
      <input type="text" id="number" name="number" value="\(esc(number))">
      <button type="submit">\(esc(t("核验", "Check")))</button>
      </form>

      """
    var status: HTTPResponse.Status = .ok
    if !number.isEmpty {
      if let found = try await state.registry(for: context).licenceStatus(number) {
        let standing: String =
          switch found.status {
          case .valid: t("有效", "valid")
          case .changed: t("已变更", "changed")
          case .cancelled: t("已注销", "cancelled")
          }
        var facts: [(String, String)] = [
          (t("编号", "Number"), esc(found.number)),
          (t("证照", "Licence"), esc(found.kind == "FOOD_LICENCE" ? t("食品经营许可证", "Food business licence") : t("营业执照", "Business licence"))),
          (t("名称", "Name"), esc(found.name)), (t("状态", "Standing"), "<strong id=\"standing\">\(esc(standing))</strong>"),
        ]
        if let on = found.registeredOn { facts.append((t("登记日", "Registered on"), esc(on.description))) }
        if let replaced = found.replacedBy { facts.append((t("现编号", "Now"), esc(replaced))) }
        body += WebLayout.facts(facts, id: "licence")
      } else {
        status = .notFound
        body += "<p class=\"message\" id=\"error\">\(esc(t("没有此证照的记录。", "No licence with this number on record.")))</p>\n"
      }
    }
    return WebLayout.page(visit, title: t("证照核验", "Licence check"), body: body, status: status)
  }
}
