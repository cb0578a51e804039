import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore
import OneWindowKit

/// Reading packets from request bodies and writing answers in the negotiated format.
enum Messages {
  /// A packet from the body: `application/xml`, `application/zip`, or `multipart/form-data` with
  /// a `packet` part (XML) and attachments (each part's file name is the manifest's `FileName`).
  static func packet(_ request: Request, maxBytes: Int, name: String) async throws -> PacketSource {
    var request = request
    let buffer = try await request.collectBody(upTo: maxBytes)
    let bytes = Array(buffer.readableBytesView)
    guard !bytes.isEmpty else { throw Problem.badRequest("the request has no packet: send it as the body") }
    let contentType = request.headers[.contentType]?.lowercased() ?? ""
    if contentType.hasPrefix("multipart/form-data") {
      guard let boundary = parameter("boundary", in: request.headers[.contentType] ?? "") else {
        throw Problem.badRequest("multipart/form-data needs a boundary")
      }
      let parts = try multipart(bytes, boundary: boundary)
      guard let packet = parts.first(where: { $0.name == "packet" }) else {
        throw Problem.badRequest("the multipart body has no part named packet")
      }
      var attachments: [String: [UInt8]] = [:]
      for part in parts where part.name != "packet" {
        guard let file = part.fileName ?? part.name, !file.isEmpty else { continue }
        attachments[file] = part.body
      }
      return PacketSource(displayName: packet.fileName ?? name, kind: .parts(packet: packet.body, attachments: attachments))
    }
    guard contentType.isEmpty || contentType.hasPrefix("application/xml") || contentType.hasPrefix("text/xml")
      || contentType.hasPrefix("application/zip") || contentType.hasPrefix("application/octet-stream")
    else {
      throw Problem(.unsupportedMediaType, "Unsupported media type", detail: "send application/xml, application/zip or multipart/form-data")
    }
    let given = request.headers[.contentDisposition].flatMap(fileName(inDisposition:))
    return PacketSource(displayName: given ?? name, kind: .memory(bytes: bytes))
  }

  /// `attachment; filename*=UTF-8''…`: a packet's name for a single-part body.
  static func contentDisposition(fileName: String) -> String {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))
    let ascii = fileName.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) }
    let encoded = fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? "packet.xml"
    return ascii ? "attachment; filename=\"\(fileName)\"" : "attachment; filename*=UTF-8''\(encoded)"
  }

  /// The file name a `Content-Disposition` header gives (`filename*` first), at most 512
  /// characters and without control characters; nil otherwise.
  static func fileName(inDisposition header: String) -> String? {
    var name: String?
    if let extended = parameter("filename*", in: header), extended.lowercased().hasPrefix("utf-8''") {
      name = String(extended.dropFirst(7)).removingPercentEncoding
    }
    if name == nil { name = parameter("filename", in: header) }
    guard let name, !name.isEmpty, name.count <= 512,
      !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { return nil }
    return name
  }

  struct Part {
    var name: String?
    var fileName: String?
    var body: [UInt8] = []
  }

  static func multipart(_ bytes: [UInt8], boundary: String) throws -> [Part] {
    let parser = MultipartParser(boundary: boundary)
    var parts: [Part] = []
    var current = Part()
    parser.onHeader = { field, value in
      guard field.lowercased() == "content-disposition" else { return }
      current.name = parameter("name", in: value)
      current.fileName = parameter("filename", in: value)
    }
    parser.onBody = { buffer in current.body += buffer.readableBytesView }
    parser.onPartComplete = {
      parts.append(current)
      current = Part()
    }
    do {
      try parser.execute(bytes)
    } catch {
      throw Problem.badRequest("the multipart body is malformed")
    }
    return parts
  }

  /// A `key=value` parameter of a header value (quotes removed).
  static func parameter(_ key: String, in header: String) -> String? {
    for piece in header.split(separator: ";") {
      let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2, pair[0].lowercased() == key else { continue }
      var value = pair[1]
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      return value
    }
    return nil
  }

  // MARK: - Negotiation

  enum Format { case json, xml, html }

  /// `Accept`: JSON by default; XML or HTML when asked first.
  static func format(_ request: Request, allowHTML: Bool = true) -> Format {
    let accept = request.headers[.accept]?.lowercased() ?? ""
    for item in accept.split(separator: ",") {
      let type = item.split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
      switch type {
      case "application/json", "application/problem+json", "*/*": return .json
      case "application/xml", "text/xml": return .xml
      case "text/html" where allowHTML: return .html
      default: continue
      }
    }
    return .json
  }

  /// `Accept-Language`: Chinese unless English comes first.
  static func language(_ request: Request) -> Language {
    let header = request.headers[.acceptLanguage]?.lowercased() ?? ""
    for item in header.split(separator: ",") {
      let tag = item.split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
      if tag.hasPrefix("en") { return .en }
      if tag.hasPrefix("zh") { return .zh }
    }
    return .zh
  }

  // MARK: - Answers

  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    let data = try JSONEncoder.sorted.encode(value)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  static func bytes(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// A receipt: `201` accepted, `422` refused or could not run because of the input.
  /// A write's receipt: `201` accepted (`200` for a dry run's preview, nothing written), `422`
  /// refused; JSON, the `Receipt` packet, or the printable 回执 page (`Accept: text/html`).
  static func receipt(_ receipt: Receipt, request: Request, oneWindow: OneWindow) throws -> Response {
    let status: HTTPResponse.Status =
      receipt.outcome != .accepted ? .unprocessableContent : receipt.preview == true ? .ok : .created
    switch format(request) {
    case .xml: return text(receipt.xml, type: "application/xml; charset=utf-8", status: status)
    case .html:
      let page = ReceiptHTMLRenderer(oneWindow: oneWindow, language: language(request)).render(receipt)
      return text(page, type: "text/html; charset=utf-8", status: status)
    case .json: return try json(receipt, status: status)
    }
  }

  /// A validation report in the negotiated format and language; `200` whatever the outcome.
  static func report(_ report: PacketReport, asOf: CivilDate, request: Request, oneWindow: OneWindow) throws -> Response {
    let run = ValidationRun(packets: [report], asOf: asOf)
    switch format(request) {
    case .json: return text(JSONReportRenderer().render(run), type: "application/json; charset=utf-8")
    case .xml: return text(XMLReportRenderer(oneWindow: oneWindow).render(run), type: "application/xml; charset=utf-8")
    case .html:
      return text(
        HTMLReportRenderer(oneWindow: oneWindow, language: language(request)).render(run), type: "text/html; charset=utf-8")
    }
  }

  /// A JSON request body decoded, or `400`.
  static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: ServiceContext) async throws -> T {
    var request = request
    let buffer = try await request.collectBody(upTo: context.maxUploadSize)
    do {
      return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    } catch {
      throw Problem.badRequest("the JSON body does not match the operation's schema")
    }
  }
}
