import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// Reading `Data/calendar/<year>.json`: the shipped files, and every kind of file it refuses.
struct CalendarLoaderTests {
  static func date(_ text: String) throws -> CivilDate { try #require(CivilDate(text)) }

  /// A data folder in a temporary directory holding `calendar/<name>` with `contents`.
  static func folder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-calendar-\(UUID())")
    let calendar = folder.appendingPathComponent("calendar")
    try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: true)
    for (name, contents) in files {
      try Data(contents.utf8).write(to: calendar.appendingPathComponent(name))
    }
    return folder
  }

  /// A schedule file for `year` listing `days` (JSON fragments).
  static func file(year: Int = 2026, _ days: [String]) -> String {
    """
    {"year": \(year), "source": {"title": "test", "number": null, "url": "https://example.invalid", "published": "2025-11-04"},
     "days": [\(days.joined(separator: ", "))]}
    """
  }

  @Test func loadsTheShippedCalendarsWithTheirSources() throws {
    let calendar = try CalendarLoader.load(dataFolder: Repository.data)
    #expect(calendar.publishedYears == [2025, 2026])
    let year2025 = try #require(calendar.schedules[2025])
    #expect(year2025.source.title == "国务院办公厅关于2025年部分节假日安排的通知")
    #expect(year2025.source.number == "国办发明电〔2024〕12号")
    #expect(year2025.source.url == "https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm")
    #expect(year2025.source.published == (try Self.date("2024-11-12")))
    #expect(year2025.days.count == 33)
    let year2026 = try #require(calendar.schedules[2026])
    #expect(year2026.source.title == "国务院办公厅关于2026年部分节假日安排的通知")
    #expect(year2026.source.number == nil)
    #expect(year2026.source.url == "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm")
    #expect(year2026.source.published == (try Self.date("2025-11-04")))
    #expect(year2026.days.count == 39)
    #expect(try calendar.workingDays(inYear: 2025) == 248)
    #expect(try calendar.workingDays(inYear: 2026) == 248)
    #expect(try calendar.isWorkingDay(Self.date("2026-01-04")))
  }

  @Test func theFacadeCarriesTheCalendar() throws {
    let oneWindow = try OneWindow(schemasFolder: Repository.schemas, dataFolder: Repository.data)
    #expect(oneWindow.calendar == (try CalendarLoader.load(dataFolder: Repository.data)))
    #expect(try oneWindow.calendar.adding(workingDays: 2, to: Self.date("2026-02-13")) == Self.date("2026-02-24"))
  }

  @Test func acceptsLateDecemberOfThePreviousYearAndLetsItOverride() throws {
    let folder = try Self.folder([
      "2026.json": Self.file(year: 2026, [#"{"name": "旧安排", "date": "2026-12-26", "isOffDay": false}"#]),
      "2027.json": Self.file(year: 2027, [
        #"{"name": "元旦", "date": "2026-12-15", "isOffDay": true}"#,
        #"{"name": "元旦", "date": "2026-12-26", "isOffDay": true}"#,
        #"{"name": "元旦", "date": "2026-12-31", "isOffDay": true}"#,
        #"{"name": "元旦", "date": "2027-01-01", "isOffDay": true}"#,
      ]),
      "notes.txt": "not a calendar",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let calendar = try CalendarLoader.load(dataFolder: folder.path)
    #expect(calendar.publishedYears == [2026, 2027])
    #expect(try !calendar.isWorkingDay(Self.date("2026-12-26")))  // the 2027 notice wins
    #expect(try calendar.holidayName(of: Self.date("2026-12-26")) == "元旦")
    #expect(try !calendar.isWorkingDay(Self.date("2026-12-31")))
    #expect(try !calendar.isWorkingDay(Self.date("2026-12-15")))
    #expect(try calendar.isWorkingDay(Self.date("2026-12-14")))
  }

  @Test func refusesEveryDateWithoutACalendarFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-calendar-\(UUID())")
    let calendar = try CalendarLoader.load(dataFolder: folder.path)
    #expect(calendar.publishedYears.isEmpty)
    #expect(throws: CalendarError.unpublished(year: 2026)) { try calendar.isWorkingDay(Self.date("2026-03-02")) }
  }

  static let malformed: [(name: String, contents: String, reason: String)] = [
    ("2026.json", "{", "not a valid calendar file: not JSON"),
    ("2026.json", #"{"year": 2026, "days": []}"#, "not a valid calendar file: 'source' is missing"),
    (
      "2026.json", file([#"{"name": "元旦", "date": "2026-02-30", "isOffDay": true}"#]),
      "not a valid calendar file: 'days[0].date': not a date: 2026-02-30"
    ),
    (
      "2026.json", file([#"{"name": "元旦", "date": "2026-01-01", "isOffDay": "yes"}"#]),
      "not a valid calendar file: 'days[0].isOffDay' is not of type Bool"
    ),
    (
      "2026.json", file([#"{"name": "元旦", "isOffDay": true}"#]),
      "not a valid calendar file: 'days[0].date' is missing"
    ),
    ("2027.json", file(year: 2026, [#"{"name": "元旦", "date": "2026-01-01", "isOffDay": true}"#]), "the file holds the year 2026 and must be named '2026.json'"),
    ("2027.json", file(year: 2027, []), "no days are listed; add a year only once its notice is published"),
    (
      "2026.json",
      file([#"{"name": "元旦", "date": "2026-01-01", "isOffDay": true}"#, #"{"name": "元旦", "date": "2026-01-01", "isOffDay": true}"#]),
      "date '2026-01-01' is listed twice"
    ),
    (
      "2026.json", file([#"{"name": "国庆节", "date": "2027-10-01", "isOffDay": true}"#]),
      "date '2027-10-01' lies outside 2026 (only 2025-12-15 to 2025-12-31 may precede it)"
    ),
    (
      "2026.json", file([#"{"name": "元旦", "date": "2025-12-14", "isOffDay": true}"#]),
      "date '2025-12-14' lies outside 2026 (only 2025-12-15 to 2025-12-31 may precede it)"
    ),
    (
      "2026.json", file([#"{"name": "元旦", "date": "2024-12-31", "isOffDay": true}"#]),
      "date '2024-12-31' lies outside 2026 (only 2025-12-15 to 2025-12-31 may precede it)"
    ),
    ("2026.json", file([#"{"name": " ", "date": "2026-01-01", "isOffDay": true}"#]), "date '2026-01-01' has no holiday name"),
    (
      "2026.json", file([#"{"name": "元旦", "date": "2026-01-05", "isOffDay": false}"#]),
      "date '2026-01-05' is a weekday but is listed as a 调休 working day (isOffDay false); only a Saturday or Sunday can be"
    ),
  ]

  @Test(arguments: malformed.indices)
  func rejectsAMalformedFileNamingTheProblem(_ index: Int) throws {
    let (name, contents, reason) = Self.malformed[index]
    let folder = try Self.folder(["2025.json": Self.file(year: 2025, [#"{"name": "元旦", "date": "2025-01-01", "isOffDay": true}"#]), name: contents])
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.path + "/calendar/" + name
    #expect(throws: OneWindowError.unreadable(path: path, reason: reason)) {
      try CalendarLoader.load(dataFolder: folder.path)
    }
  }

  @Test func aBrokenCalendarStopsTheFacade() throws {
    let folder = try Self.folder(["2026.json": "{"])
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(atPath: Repository.data + "/policy.json", toPath: folder.path + "/policy.json")
    #expect(throws: OneWindowError.unreadable(path: folder.path + "/calendar/2026.json", reason: "not a valid calendar file: not JSON")) {
      try OneWindow(schemasFolder: Repository.schemas, dataFolder: folder.path)
    }
  }
}
