import Foundation
import HTTPTypes
import Hummingbird
import OneWindowKit
import Prometheus

/// What anyone may ask without an account: free places in pre-filed buildings (no person, no
/// tenant), a licence's standing (no identity numbers), the rules, the calendar, and the
/// published figures (counts and shares per centre and month: no person, no record number).
struct PublicRoutes {
  let state: ServiceState

  func register(_ routes: RouteTable) {
    routes.add(.get, "/v1/public/places", places)
    routes.add(.get, "/v1/public/licences/{number}", licence)
    let definitions = state.oneWindow.bundleDefinitions
    routes.add(.get, "/v1/rules", { _, _ in try Messages.json(RuleCatalogue.entries(definitions: definitions)) })
    routes.add(.get, "/v1/rules/{id}", rule)
    routes.add(.get, "/v1/calendar/days/{date}", day)
    routes.add(.get, "/v1/calendar/working-days", workingDays)
    routes.add(.get, "/v1/calendar/due-dates", addWorkingDays)
    routes.add(.get, "/v1/calendar/years/{year}", year)
    routes.add(.get, "/v1/stats", stats)
  }

  /// The published figures as of the service's business date (a replay step's in replay mode).
  @Sendable func stats(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let asOf = state.today(for: context)
    return try Messages.json(try await state.registry(for: context).statistics(asOf: asOf))
  }

  @Sendable func places(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let query = request.uri.queryParameters
    var filter = FreePlaceFilter()
    filter.subdistrict = query["subdistrict"].map(String.init)
    filter.road = query["road"].map(String.init)
    filter.building = query["building"].map(String.init)
    if let use = query["plannedUse"] {
      guard let value = PlannedUse(rawValue: String(use)) else { throw Problem.badRequest("unknown plannedUse \(use)") }
      filter.plannedUse = value
    }
    let asOf = state.today(for: context)
    return try Messages.json(try await state.registry(for: context).freePlaces(asOf: asOf, filter: filter))
  }

  @Sendable func licence(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let number = try context.parameters.require("number")
    guard let status = try await state.registry(for: context).licenceStatus(number) else {
      throw Problem.notFound("no licence \(number) on record")
    }
    return try Messages.json(status)
  }

  @Sendable func rule(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let id = try context.parameters.require("id")
    let entries = RuleCatalogue.entries(definitions: state.oneWindow.bundleDefinitions)
    guard let entry = entries.first(where: { $0.rule.id.rawValue == id.uppercased() }) else {
      throw Problem.notFound("no rule \(id)")
    }
    return try Messages.json(entry)
  }

  func date(_ text: String?, _ name: String) throws -> CivilDate {
    guard let text, let date = CivilDate(exactly: text) else { throw Problem.badRequest("\(name) is YYYY-MM-DD") }
    return date
  }

  /// A calendar question; a date the published notices do not settle is `422`.
  func ask<T: Encodable>(_ question: () throws(CalendarError) -> T) throws -> Response {
    let answer: T
    do {
      answer = try question()
    } catch {
      throw Problem(.unprocessableContent, "Not in the published calendars", detail: error.message.en)
    }
    return try Messages.json(answer)
  }

  struct DayAnswer: Encodable {
    var date: CivilDate
    var isWorkingDay: Bool
    /// 1 Monday … 7 Sunday, as `onewindow calendar is-working-day` answers.
    var isoWeekday: Int
    var listed: Bool
    var holiday: String?
  }

  @Sendable func day(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let date = try date(context.parameters.get("date"), "date")
    let calendar = state.oneWindow.calendar
    return try ask { () throws(CalendarError) in
      let listing = try calendar.listing(for: date)
      return DayAnswer(
        date: date, isWorkingDay: try calendar.isWorkingDay(date), isoWeekday: date.isoWeekday, listed: listing != nil, holiday: listing?.name)
    }
  }

  struct CountAnswer: Encodable {
    var after: CivilDate
    var through: CivilDate
    var workingDays: Int
  }

  @Sendable func workingDays(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let after = try date(request.uri.queryParameters["after"].map(String.init), "after")
    let through = try date(request.uri.queryParameters["through"].map(String.init), "through")
    let calendar = state.oneWindow.calendar
    return try ask { () throws(CalendarError) in
      CountAnswer(after: after, through: through, workingDays: try calendar.workingDays(after: after, through: through))
    }
  }

  struct DueAnswer: Encodable {
    var from: CivilDate
    var workingDays: Int
    var date: CivilDate
  }

  @Sendable func addWorkingDays(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let from = try date(request.uri.queryParameters["from"].map(String.init), "from")
    guard let days = request.uri.queryParameters["workingDays"].flatMap({ Int(String($0)) }), (-366...366).contains(days) else {
      throw Problem.badRequest("workingDays is a whole number between -366 and 366")
    }
    let calendar = state.oneWindow.calendar
    return try ask { () throws(CalendarError) in
      DueAnswer(from: from, workingDays: days, date: try calendar.adding(workingDays: days, to: from))
    }
  }

  struct YearAnswer: Encodable {
    var schedule: YearSchedule
    var workingDays: Int
  }

  @Sendable func year(_ request: Request, _ context: ServiceContext) async throws -> Response {
    guard let year = context.parameters.get("year").flatMap(Int.init) else { throw Problem.badRequest("year is a number") }
    let calendar = state.oneWindow.calendar
    return try ask { () throws(CalendarError) in
      guard let schedule = calendar.schedules[year] else { throw .unpublished(year: year) }
      return YearAnswer(schedule: schedule, workingDays: try calendar.workingDays(inYear: year))
    }
  }
}

/// The contract, health, readiness and metrics.
struct MetaRoutes {
  let state: ServiceState

  func register(_ routes: RouteTable) {
    let document = state.openAPI
    routes.add(.get, "/openapi.yaml", { _, _ in Messages.text(document, type: "application/yaml; charset=utf-8") })
    routes.add(.get, "/healthz", { _, _ in Messages.text("ok\n", type: "text/plain; charset=utf-8") })
    routes.add(.get, "/readyz", { _, _ in
      // Ready when the registry answers a read.
      _ = try await state.registry.hasAccounts()
      return Messages.text("ready\n", type: "text/plain; charset=utf-8")
    })
    routes.add(.get, "/metrics", { _, _ in
      Messages.bytes(PrometheusMetricsFactory.defaultRegistry.emitToBuffer(), type: "text/plain; version=0.0.4; charset=utf-8")
    })
  }
}
