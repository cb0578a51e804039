import Foundation
import OneWindowCore
import Testing

/// The working-day calendar on the shipped 2025 and 2026 State Council schedules, whose values
/// (调休 days, weekday holidays, 248 working days a year) are written out here from the notices.
struct WorkingCalendarTests {
  /// The repository's `Data/calendar/<year>.json`, decoded directly (Core has no loader).
  static func shipped(_ year: Int) throws -> YearSchedule {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // OneWindowCoreTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
    let data = try Data(contentsOf: root.appendingPathComponent("Data/calendar/\(year).json"))
    return try JSONDecoder().decode(YearSchedule.self, from: data)
  }

  static func calendar() throws -> WorkingCalendar {
    WorkingCalendar([try shipped(2025), try shipped(2026)])
  }

  static func date(_ text: String) throws -> CivilDate { try #require(CivilDate(text)) }

  static let adjustedWorkingDays = [
    "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
  ]

  static let weekdayHolidays = [
    "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03",
    "2025-02-04", "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02",
    "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08",
    "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
    "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05",
    "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
    "2026-10-07",
  ]

  @Test func publishesExactly2025And2026() throws {
    let calendar = try Self.calendar()
    #expect(calendar.publishedYears == [2025, 2026])
    #expect(try Self.shipped(2025).days.count == 33)
    #expect(try Self.shipped(2026).days.count == 39)
  }

  @Test func everyAdjustedWeekendDayIsAWorkingDay() throws {
    let calendar = try Self.calendar()
    for text in Self.adjustedWorkingDays {
      let date = try Self.date(text)
      #expect(date.isWeekend, "\(text)")
      #expect(try calendar.isWorkingDay(date), "\(text)")
    }
  }

  @Test func everyWeekdayHolidayIsNotAWorkingDay() throws {
    let calendar = try Self.calendar()
    for text in Self.weekdayHolidays {
      let date = try Self.date(text)
      #expect(!date.isWeekend, "\(text)")
      #expect(try !calendar.isWorkingDay(date), "\(text)")
    }
  }

  @Test func theFilesListExactlyTheNoticesWorkingDaysAndWeekdayHolidays() throws {
    let days = try Self.shipped(2025).days + Self.shipped(2026).days
    #expect(Set(days.filter { !$0.isOffDay }.map(\.date.description)) == Set(Self.adjustedWorkingDays))
    #expect(Set(days.filter { $0.isOffDay && !$0.date.isWeekend }.map(\.date.description)) == Set(Self.weekdayHolidays))
  }

  @Test func countsTwoHundredFortyEightWorkingDaysInEachYear() throws {
    let calendar = try Self.calendar()
    #expect(try calendar.workingDays(inYear: 2025) == 248)
    #expect(try calendar.workingDays(inYear: 2026) == 248)
    // 2024-12-31 is the uncounted start: its year needs no schedule.
    #expect(try calendar.workingDays(after: Self.date("2024-12-31"), through: Self.date("2025-12-31")) == 248)
    // Through late December 2026 the count waits for the 2027 notice (issue 12, fault 9).
    #expect(throws: CalendarError.awaitsNextYear(date: try Self.date("2026-12-20"), year: 2027)) {
      try calendar.workingDays(after: Self.date("2024-12-31"), through: Self.date("2026-12-31"))
    }
    #expect(calendar.provisionalWorkingDays(after: try Self.date("2024-12-31"), through: try Self.date("2026-12-31")) == (496, true))
  }

  @Test func namesTheHolidayOfAListedDate() throws {
    let calendar = try Self.calendar()
    #expect(try calendar.holidayName(of: Self.date("2025-10-01")) == "国庆节、中秋节")
    #expect(try calendar.holidayName(of: Self.date("2026-09-25")) == "中秋节")
    #expect(try calendar.holidayName(of: Self.date("2026-01-04")) == "元旦")  // 调休 working day
    #expect(try calendar.listing(for: Self.date("2026-01-04"))?.isOffDay == false)
    #expect(try calendar.listing(for: Self.date("2026-02-17")) == YearSchedule.Day(name: "春节", date: Self.date("2026-02-17"), isOffDay: true))
    #expect(try calendar.holidayName(of: Self.date("2026-03-02")) == nil)
    #expect(try calendar.holidayName(of: Self.date("2026-03-07")) == nil)  // an ordinary Saturday
  }

  @Test func addsAcrossTheSpringFestival() throws {
    let calendar = try Self.calendar()
    // 2025: 01-26 (Sun) works, 01-28…02-04 off, 02-08 (Sat) works.
    let friday2025 = try Self.date("2025-01-24")
    #expect(try calendar.adding(workingDays: 1, to: friday2025) == Self.date("2025-01-26"))
    #expect(try calendar.adding(workingDays: 2, to: friday2025) == Self.date("2025-01-27"))
    #expect(try calendar.adding(workingDays: 3, to: friday2025) == Self.date("2025-02-05"))
    #expect(try calendar.adding(workingDays: 6, to: friday2025) == Self.date("2025-02-08"))
    #expect(try calendar.adding(workingDays: 7, to: friday2025) == Self.date("2025-02-10"))
    // 2026: 02-14 (Sat) works, 02-15…02-23 off, 02-28 (Sat) works.
    let friday2026 = try Self.date("2026-02-13")
    #expect(try calendar.adding(workingDays: 1, to: friday2026) == Self.date("2026-02-14"))
    #expect(try calendar.adding(workingDays: 2, to: friday2026) == Self.date("2026-02-24"))
    #expect(try calendar.adding(workingDays: 6, to: friday2026) == Self.date("2026-02-28"))
    #expect(try calendar.adding(workingDays: 7, to: friday2026) == Self.date("2026-03-02"))
  }

  @Test func addsAcrossNationalDayAndMidAutumn() throws {
    let calendar = try Self.calendar()
    // 2025: 09-28 (Sun) works, 10-01…10-08 off, 10-11 (Sat) works.
    #expect(try calendar.adding(workingDays: 1, to: Self.date("2025-09-26")) == Self.date("2025-09-28"))
    #expect(try calendar.adding(workingDays: 4, to: Self.date("2025-09-26")) == Self.date("2025-10-09"))
    #expect(try calendar.adding(workingDays: 2, to: Self.date("2025-09-30")) == Self.date("2025-10-10"))
    #expect(try calendar.adding(workingDays: 3, to: Self.date("2025-09-30")) == Self.date("2025-10-11"))
    #expect(try calendar.adding(workingDays: 4, to: Self.date("2025-09-30")) == Self.date("2025-10-13"))
    // 2026: 中秋 09-25…27 and 国庆 10-01…07 apart; 10-10 (Sat) works.
    #expect(try calendar.adding(workingDays: 2, to: Self.date("2026-09-24")) == Self.date("2026-09-29"))
    #expect(try calendar.adding(workingDays: 4, to: Self.date("2026-09-24")) == Self.date("2026-10-08"))
    #expect(try calendar.adding(workingDays: 6, to: Self.date("2026-09-24")) == Self.date("2026-10-10"))
    #expect(try calendar.adding(workingDays: 7, to: Self.date("2026-09-24")) == Self.date("2026-10-12"))
  }

  @Test func addsAcrossTheYearEndOntoTheAdjustedSunday() throws {
    let calendar = try Self.calendar()
    // 2026-01-01…03 off; 2026-01-04 is a Sunday working day.
    #expect(try calendar.adding(workingDays: 1, to: Self.date("2025-12-31")) == Self.date("2026-01-04"))
    #expect(try calendar.adding(workingDays: 2, to: Self.date("2025-12-31")) == Self.date("2026-01-05"))
    #expect(try calendar.adding(workingDays: 2, to: Self.date("2025-12-30")) == Self.date("2026-01-04"))
    #expect(try calendar.adding(workingDays: -1, to: Self.date("2026-01-04")) == Self.date("2025-12-31"))
  }

  @Test func doesNotCountTheStartDay() throws {
    let calendar = try Self.calendar()
    let monday = try Self.date("2026-03-02")
    #expect(try calendar.adding(workingDays: 0, to: monday) == monday)
    #expect(try calendar.adding(workingDays: 1, to: monday) == Self.date("2026-03-03"))
    #expect(try calendar.adding(workingDays: 5, to: monday) == Self.date("2026-03-09"))
    // A holiday start: zero returns it, one is the next working day.
    #expect(try calendar.adding(workingDays: 0, to: Self.date("2026-01-01")) == Self.date("2026-01-01"))
    #expect(try calendar.adding(workingDays: 1, to: Self.date("2026-01-01")) == Self.date("2026-01-04"))
    // Backwards: 2026-02-28 (Sat) works, 03-01 (Sun) does not.
    #expect(try calendar.adding(workingDays: -1, to: monday) == Self.date("2026-02-28"))
    #expect(try calendar.adding(workingDays: -3, to: monday) == Self.date("2026-02-26"))
  }

  @Test func countsWorkingDaysAfterStartThroughEnd() throws {
    let calendar = try Self.calendar()
    #expect(try calendar.workingDays(after: Self.date("2025-12-31"), through: Self.date("2026-01-03")) == 0)
    #expect(try calendar.workingDays(after: Self.date("2025-12-31"), through: Self.date("2026-01-04")) == 1)
    #expect(try calendar.workingDays(after: Self.date("2025-12-31"), through: Self.date("2026-01-05")) == 2)
    #expect(try calendar.workingDays(after: Self.date("2025-09-30"), through: Self.date("2025-10-31")) == 18)
    #expect(try calendar.workingDays(after: Self.date("2026-09-30"), through: Self.date("2026-10-10")) == 3)
    #expect(try calendar.workingDays(after: Self.date("2026-02-13"), through: Self.date("2026-02-28")) == 6)
    // Empty and reversed ranges, even in a year without a schedule.
    #expect(try calendar.workingDays(after: Self.date("2026-03-02"), through: Self.date("2026-03-02")) == 0)
    #expect(try calendar.workingDays(after: Self.date("2026-03-09"), through: Self.date("2026-03-02")) == 0)
    #expect(try calendar.workingDays(after: Self.date("2027-03-09"), through: Self.date("2027-03-02")) == 0)
  }

  @Test func countingAndAddingAgree() throws {
    let calendar = try Self.calendar()
    for start in ["2025-01-20", "2025-09-25", "2025-12-24", "2026-02-12", "2026-09-18"] {
      for count in 1...30 {
        let end = try calendar.adding(workingDays: count, to: Self.date(start))
        #expect(try calendar.workingDays(after: Self.date(start), through: end) == count, "\(start) + \(count)")
        #expect(try calendar.isWorkingDay(end), "\(start) + \(count)")
      }
    }
  }

  @Test func refuses2027InsteadOfGuessing() throws {
    let calendar = try Self.calendar()
    #expect(throws: CalendarError.unpublished(year: 2027)) { try calendar.isWorkingDay(Self.date("2027-01-04")) }
    #expect(throws: CalendarError.unpublished(year: 2027)) { try calendar.holidayName(of: Self.date("2027-10-01")) }
    // From 20 December on, 2026's days wait for the 2027 notice too (the 2019 notice made
    // 2018-12-29 a working day): refused, not answered from the 2026 file.
    let thirtyFirst = try Self.date("2026-12-31")
    #expect(throws: CalendarError.awaitsNextYear(date: thirtyFirst, year: 2027)) { try calendar.adding(workingDays: 1, to: Self.date("2026-12-30")) }
    #expect(throws: CalendarError.awaitsNextYear(date: try Self.date("2026-12-20"), year: 2027)) {
      try calendar.isWorkingDay(Self.date("2026-12-20"))
    }
    #expect(try calendar.isWorkingDay(Self.date("2026-12-18")))
    #expect(throws: CalendarError.unpublished(year: 2027)) { try calendar.adding(workingDays: 1, to: Self.date("2026-12-31")) }
    #expect(throws: CalendarError.unpublished(year: 2027)) { try calendar.workingDays(inYear: 2027) }
    // Backwards into 2024 is refused too (2025-01-01 is a holiday).
    #expect(throws: CalendarError.unpublished(year: 2024)) { try calendar.adding(workingDays: -1, to: Self.date("2025-01-02")) }
    // Zero looks at no day, so it answers even in 2027.
    #expect(try calendar.adding(workingDays: 0, to: Self.date("2027-01-04")) == Self.date("2027-01-04"))
  }

  @Test func explainsARefusalInBothLanguages() {
    let error = CalendarError.unpublished(year: 2027)
    #expect(error.message.zh == "2027 年的节假日安排尚未发布，不推算该年的工作日")
    #expect(error.message.en == "no holiday schedule is published for 2027; working days in 2027 are not guessed")
    #expect(error.description == error.message.en)
    let late = CalendarError.awaitsNextYear(date: CivilDate("2026-12-28")!, year: 2027)
    #expect(late.message.zh == "2026-12-28 在 12 月 20 日之后，2027 年的放假安排可能调整这一天，该安排尚未发布，不作推算")
  }

  @Test func provisionalCountsNeverThrowAndSayWhenTheyGuess() throws {
    let calendar = try Self.calendar()
    // Settled days: the same answers as the strict calls, not provisional.
    #expect(calendar.provisionallyAdding(workingDays: 2, to: try Self.date("2026-12-14")) == (try Self.date("2026-12-16"), false))
    // Late December and 2027: Monday to Friday, provisional.
    #expect(calendar.provisionallyAdding(workingDays: 2, to: try Self.date("2026-12-21")) == (try Self.date("2026-12-23"), true))
    #expect(calendar.provisionallyAdding(workingDays: 2, to: try Self.date("2026-12-30")) == (try Self.date("2027-01-01"), true))
    #expect(calendar.provisionalWorkingDays(after: try Self.date("2026-12-30"), through: try Self.date("2027-01-05")) == (4, true))
    #expect(calendar.isSettled(try Self.date("2026-12-19")))
    #expect(!calendar.isSettled(try Self.date("2026-12-20")))
    #expect(!calendar.isSettled(try Self.date("2027-03-01")))
  }

  @Test func anEmptyCalendarRefusesEveryDate() throws {
    let calendar = WorkingCalendar([])
    #expect(calendar.publishedYears.isEmpty)
    #expect(throws: CalendarError.unpublished(year: 2026)) { try calendar.isWorkingDay(Self.date("2026-03-02")) }
  }

  @Test func theNextYearsNoticeOverridesLateDecember() throws {
    let source = YearSchedule.Source(title: "test", number: nil, url: "https://example.invalid", published: try Self.date("2029-11-01"))
    let year2030 = YearSchedule(year: 2030, source: source, days: [
      YearSchedule.Day(name: "旧安排", date: try Self.date("2030-12-29"), isOffDay: false),  // Sunday
    ])
    let year2031 = YearSchedule(year: 2031, source: source, days: [
      YearSchedule.Day(name: "元旦", date: try Self.date("2030-12-28"), isOffDay: false),  // Saturday
      YearSchedule.Day(name: "元旦", date: try Self.date("2030-12-29"), isOffDay: true),
      YearSchedule.Day(name: "元旦", date: try Self.date("2030-12-30"), isOffDay: true),  // Monday
      YearSchedule.Day(name: "元旦", date: try Self.date("2030-12-31"), isOffDay: true),
      YearSchedule.Day(name: "元旦", date: try Self.date("2031-01-01"), isOffDay: true),
    ])
    // Alone, the 2030 file does not decide late December: the 2031 notice may move it.
    let alone = WorkingCalendar([year2030])
    #expect(throws: CalendarError.awaitsNextYear(date: try Self.date("2030-12-29"), year: 2031)) {
      try alone.isWorkingDay(Self.date("2030-12-29"))
    }
    // In whatever order the schedules come, the 2031 notice decides late December 2030.
    for both in [WorkingCalendar([year2030, year2031]), WorkingCalendar([year2031, year2030])] {
      #expect(try both.isWorkingDay(Self.date("2030-12-28")))
      #expect(try !both.isWorkingDay(Self.date("2030-12-29")))
      #expect(try !both.isWorkingDay(Self.date("2030-12-30")))
      #expect(try both.holidayName(of: Self.date("2030-12-29")) == "元旦")
      #expect(both.provisionallyAdding(workingDays: 1, to: try Self.date("2030-12-27")) == (try Self.date("2030-12-28"), false))
      #expect(both.provisionallyAdding(workingDays: 2, to: try Self.date("2030-12-27")) == (try Self.date("2031-01-02"), false))
    }
    // A late-December date in a year without its own schedule stays refused.
    #expect(throws: CalendarError.unpublished(year: 2030)) { try WorkingCalendar([year2031]).isWorkingDay(Self.date("2030-12-30")) }
  }
}
