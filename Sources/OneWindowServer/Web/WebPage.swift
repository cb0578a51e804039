import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OneWindowKit

/// Escapes text for HTML element content and attribute values: the one escaping function every
/// page value goes through.
func esc(_ text: String) -> String { HTMLReportRenderer.escape(text) }

/// A query or form value percent-encoded for a URL built into a page.
func urlPart(_ text: String) -> String {
  var allowed = CharacterSet.alphanumerics
  allowed.insert(charactersIn: "-._~")
  return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
}

/// What a page needs to know about its request: the language, the signed-in account, the CSRF
/// token of its forms, and the cookies to set on the answer.
struct WebVisit: Sendable {
  var language: Language
  var account: Account?
  var csrf: String
  /// `Set-Cookie` values for the answer (language switch, a new CSRF cookie).
  var setCookies: [String] = []
  var path: String
  /// `Secure` on cookies: the service is reached over HTTPS.
  var secure: Bool

  /// The text in the page's language.
  func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  func cookie(_ name: String, _ value: String, maxAge: Int? = nil, httpOnly: Bool = true) -> String {
    var parts = ["\(name)=\(value)", "Path=/", "SameSite=Strict"]
    if httpOnly { parts.append("HttpOnly") }
    if secure { parts.append("Secure") }
    if let maxAge { parts.append("Max-Age=\(maxAge)") }
    return parts.joined(separator: "; ")
  }

  /// The hidden CSRF field every form carries.
  var csrfField: String { "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\">" }

  var isClerk: Bool { account?.kind == .clerk }
}

enum WebCookie {
  static let session = "ow_session"
  static let csrf = "ow_csrf"
  static let language = "ow_lang"

  /// The request's cookies by name (the first of each name).
  static func all(_ request: Request) -> [String: String] {
    var cookies: [String: String] = [:]
    for header in request.headers[values: .cookie] {
      for piece in header.split(separator: ";") {
        let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard pair.count == 2, cookies[pair[0]] == nil else { continue }
        cookies[pair[0]] = pair[1]
      }
    }
    return cookies
  }
}

/// A urlencoded or multipart form.
struct WebForm: Sendable {
  var fields: [String: String] = [:]
  var files: [String: (name: String, bytes: [UInt8])] = [:]

  subscript(_ key: String) -> String? { fields[key] }

  /// The trimmed value, nil when absent or blank.
  func text(_ key: String) -> String? {
    guard let value = fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
    return value
  }

  static func read(_ request: Request, maxBytes: Int) async throws -> WebForm {
    var request = request
    let buffer = try await request.collectBody(upTo: maxBytes)
    let bytes = Array(buffer.readableBytesView)
    let type = request.headers[.contentType] ?? ""
    var form = WebForm()
    if type.lowercased().hasPrefix("multipart/form-data") {
      guard let boundary = Messages.parameter("boundary", in: type) else { throw Problem.badRequest("multipart/form-data needs a boundary") }
      for part in try Messages.multipart(bytes, boundary: boundary) {
        guard let name = part.name else { continue }
        if let file = part.fileName {
          if !part.body.isEmpty { form.files[name] = (file, part.body) }
        } else {
          form.fields[name] = String(decoding: part.body, as: UTF8.self)
        }
      }
    } else {
      form.fields = decodeQuery(String(decoding: bytes, as: UTF8.self))
    }
    return form
  }

  /// `a=1&b=x+y` as a dictionary (the first value of each key).
  static func decodeQuery(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
      }
      guard let key = parts.first, !key.isEmpty, fields[key] == nil else { continue }
      fields[key] = parts.count > 1 ? parts[1] : ""
    }
    return fields
  }
}

/// The pages' frame: head, navigation, language switch, and the answer's headers.
enum WebLayout {
  /// No script at all, styles only from the shared stylesheet, forms only to this service.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  /// The printable 回执 and report pages carry their own inline style, still no script.
  static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

  static func headers(_ visit: WebVisit, type: String = "text/html; charset=utf-8", policy: String = contentSecurityPolicy) -> HTTPFields {
    var fields: HTTPFields = [
      .contentType: type, .contentSecurityPolicy: policy, .xContentTypeOptions: "nosniff",
      .referrerPolicy: "same-origin", .cacheControl: "no-store",
    ]
    for cookie in visit.setCookies { fields.append(HTTPField(name: .setCookie, value: cookie)) }
    return fields
  }

  static func page(_ visit: WebVisit, title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
    let html = document(visit, title: title, body: body)
    return Response(status: status, headers: headers(visit), body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  static func redirect(_ visit: WebVisit, to location: String) -> Response {
    var fields = headers(visit)
    fields[.location] = location
    return Response(status: .seeOther, headers: fields)
  }

  static func document(_ visit: WebVisit, title: String, body: String) -> String {
    let t = visit.t
    var nav: [(String, String)] = [("/", t("首页", "Home"))]
    if let account = visit.account {
      switch account.kind {
      case .clerk:
        nav += [
          ("/web/queue", t("待办", "Work queue")), ("/web/submit", t("窗口录入", "Enter at window")),
          ("/web/overdue", t("超期", "Overdue")), ("/web/search", t("查询", "Search")),
        ]
      case .owner, .applicant:
        nav += [("/web/mine", t("我的办件", "My filings")), ("/web/submit", t("提交", "Submit"))]
      }
    }
    nav += [("/web/places", t("预备案地址", "Pre-filed addresses")), ("/web/licences", t("证照核验", "Licence check"))]
    let links = nav.map { "<a href=\"\(esc($0.0))\">\(esc($0.1))</a>" }.joined(separator: "\n")
    let switchTo = visit.language == .zh ? ("en", "English") : ("zh", "中文")
    var session = ""
    if let account = visit.account {
      session = """
        <form method="post" action="/web/logout" class="logout">\(visit.csrfField)<span class="who">\(esc(account.name))（\(esc(account.username))）</span> <button type="submit">\(esc(t("退出", "Sign out")))</button></form>
        """
    } else {
      session = "<a class=\"login\" href=\"/web/login\">\(esc(t("登录", "Sign in")))</a>"
    }
    return """
      <!DOCTYPE html>
      <html lang="\(visit.language == .zh ? "zh-CN" : "en")">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(esc(title)) · \(esc(t("一窗通办", "OneWindow")))</title>
      <link rel="stylesheet" href="/web/static/site.css">
      </head>
      <body>
      <header class="site">
      <p class="brand">\(esc(t("青岛市市南区行政审批服务局 · 一窗通办", "Shinan District Administrative Approval Bureau · OneWindow")))</p>
      <nav>
      \(links)
      </nav>
      <div class="session"><a class="lang" href="\(esc(visit.path))?lang=\(switchTo.0)" lang="\(switchTo.0)">\(switchTo.1)</a> \(session)</div>
      </header>
      <main>
      <h1>\(esc(title))</h1>
      \(body)
      </main>
      </body>
      </html>

      """
  }

  /// A table: headers and rows of already-escaped cells; an empty note when there are no rows.
  static func table(_ headers: [String], _ rows: [[String]], empty: String, id: String? = nil, rowClasses: [String?] = []) -> String {
    guard !rows.isEmpty else { return "<p class=\"empty\"\(id.map { " id=\"\(esc($0))\"" } ?? "")>\(esc(empty))</p>\n" }
    var html = "<div class=\"scroll\"><table\(id.map { " id=\"\(esc($0))\"" } ?? "")>\n<thead><tr>"
    html += headers.map { "<th>\(esc($0))</th>" }.joined()
    html += "</tr></thead>\n<tbody>\n"
    for (index, row) in rows.enumerated() {
      let rowClass = index < rowClasses.count ? rowClasses[index] : nil
      html += "<tr\(rowClass.map { " class=\"\(esc($0))\"" } ?? "")>"
      html += zip(headers, row).map { "<td data-label=\"\(esc($0.0))\">\($0.1)</td>" }.joined()
      html += "</tr>\n"
    }
    return html + "</tbody></table></div>\n"
  }

  /// A list of facts (label, escaped value).
  static func facts(_ rows: [(String, String)], id: String? = nil) -> String {
    var html = "<dl class=\"facts\"\(id.map { " id=\"\(esc($0))\"" } ?? "")>\n"
    for (label, value) in rows { html += "<dt>\(esc(label))</dt><dd>\(value)</dd>\n" }
    return html + "</dl>\n"
  }

  static func link(_ href: String, _ text: String) -> String { "<a href=\"\(esc(href))\">\(esc(text))</a>" }
}

extension HTTPField.Name {
  static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
