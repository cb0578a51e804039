import Foundation
import HTTPTypes
import Hummingbird
import OneWindowKit

/// An error answered as `application/problem+json` (RFC 9457) with the finding ids concerned.
/// Its text is written for the client: never a stack trace, SQL or an internal path.
struct Problem: Error, Sendable {
  var status: HTTPResponse.Status
  var title: String
  var detail: String?
  /// Rule ids of the findings that caused it, when there are any.
  var findings: [String] = []
  var headers: HTTPFields = [:]

  init(_ status: HTTPResponse.Status, _ title: String, detail: String? = nil, findings: [String] = []) {
    self.status = status
    self.title = title
    self.detail = detail
    self.findings = findings
  }

  struct Body: Encodable {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    var findings: [String]?
    var requestID: String?
  }

  func response(requestID: String?, path: String?) -> Response {
    let body = Body(
      title: title, status: status.code, detail: detail, instance: path, findings: findings.isEmpty ? nil : findings,
      requestID: requestID)
    var fields = headers
    fields[.contentType] = "application/problem+json"
    let data = (try? JSONEncoder.sorted.encode(body)) ?? Data("{}".utf8)
    return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  static let unauthorized: Problem = {
    var problem = Problem(.unauthorized, "Sign in", detail: "this operation needs an account (Authorization: Bearer TOKEN)")
    problem.headers[.wwwAuthenticate] = "Bearer"
    return problem
  }()

  /// `401` for a request without an account, saying why.
  static func unauthorized(_ context: ServiceContext) -> Problem {
    var problem = unauthorized
    if context.rejectedToken { problem.detail = "the token is unknown, expired or revoked" }
    return problem
  }
  static func forbidden(_ detail: String) -> Problem { Problem(.forbidden, "Not allowed", detail: detail) }
  static func notFound(_ detail: String) -> Problem { Problem(.notFound, "Not found", detail: detail) }
  static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, "Bad request", detail: detail) }
  static let tooLarge = Problem(.contentTooLarge, "Request too large", detail: "the body is over the transport cap")
  static let busy = Problem(.tooManyRequests, "Too many requests", detail: "every validation worker is busy; try again shortly")

  /// A library error as a problem; registry details stay in the log.
  static func from(_ error: OneWindowError) -> Problem {
    switch error {
    case .registry(let failure):
      switch failure.kind {
      case .busy, .locked:
        var problem = Problem(.serviceUnavailable, "Registry busy", detail: "another write holds the registry; try again")
        problem.headers[.retryAfter] = "1"
        return problem
      case .unavailable:
        var problem = Problem(.serviceUnavailable, "Registry unavailable", detail: "the registry's database could not be reached; nothing was written; try again")
        problem.headers[.retryAfter] = "1"
        return problem
      case .missing: return Problem(.notFound, "Not found", detail: failure.detail)
      case .constraint: return Problem(.conflict, "Conflict", detail: failure.detail)
      default: return Problem(.internalServerError, "Registry failure", detail: "the registry could not complete the request")
      }
    case .businessDate(let date):
      return Problem(.unprocessableContent, "Business date not allowed", detail: date.message.en)
    case .invalidActor(let problem):
      return Problem(.badRequest, "Invalid actor", detail: problem.en)
    case .cancelled:
      return Problem(.serviceUnavailable, "Cancelled", detail: "the request was cancelled before anything was written")
    case .notAPair(let detail), .cannotSplit(let detail):
      return Problem(.unprocessableContent, "Not processable", detail: detail)
    case .unreadable:
      return Problem(.badRequest, "Unreadable input", detail: "the request body could not be read")
    case .calendar(let calendar):
      return Problem(.unprocessableContent, "Calendar", detail: calendar.message.en)
    default:
      return Problem(.internalServerError, "Service failure", detail: "the service could not complete the request")
    }
  }
}

extension JSONEncoder {
  /// Stable output: sorted keys, ISO dates as the values encode themselves.
  static var sorted: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
