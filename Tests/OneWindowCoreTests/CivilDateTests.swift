import OneWindowCore
import Testing

struct CivilDateTests {
  @Test func parsesAndPrintsISODates() {
    #expect(CivilDate("2026-11-23")?.description == "2026-11-23")
    #expect(CivilDate("2026-03-02T09:30:00+08:00") == CivilDate(year: 2026, month: 3, day: 2))
    #expect(CivilDate("2026-02-29") == nil)
    #expect(CivilDate("2024-02-29") != nil)
    #expect(CivilDate("2026-13-01") == nil)
    #expect(CivilDate("20261123") == nil)
    #expect(CivilDate(compact: "19850314") == CivilDate(year: 1985, month: 3, day: 14))
  }

  @Test func countsDaysAcrossMonthsYearsAndLeapDays() throws {
    let start = try #require(CivilDate("2024-02-28"))
    #expect(start.adding(days: 1).description == "2024-02-29")
    #expect(start.adding(days: 2).description == "2024-03-01")
    #expect(try #require(CivilDate("2026-12-31")).adding(days: 1).description == "2027-01-01")
    #expect(try #require(CivilDate("1970-01-01")).dayNumber == 0)
    #expect(try #require(CivilDate("2000-03-01")).dayNumber == 11_017)
    #expect(CivilDate(dayNumber: 20_415).description == "2025-11-23")
    #expect(try #require(CivilDate("2026-01-01")).days(until: try #require(CivilDate("2027-01-01"))) == 365)
  }

  @Test func knowsWeekdays() throws {
    #expect(try #require(CivilDate("2026-11-23")).isoWeekday == 1)  // Monday
    #expect(try #require(CivilDate("2026-10-01")).isoWeekday == 4)  // Thursday
    #expect(try #require(CivilDate("2026-11-22")).isWeekend)
    #expect(try #require(CivilDate("1969-12-31")).isoWeekday == 3)
  }

  @Test func addsYearsClampingTheLeapDay() throws {
    #expect(try #require(CivilDate("2024-02-29")).adding(years: 5).description == "2029-02-28")
    #expect(try #require(CivilDate("2026-11-23")).adding(years: 5).adding(days: -1).description == "2031-11-22")
  }
}
