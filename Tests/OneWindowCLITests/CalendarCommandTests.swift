import Foundation
import OneWindowTestSupport
import Testing

/// `onewindow calendar …` as a user runs it: exact stdout, stderr and exit codes.
struct CalendarCommandTests {
  @Test func addsWorkingDaysAcrossTheYearEnd() throws {
    let result = try CommandRunner.run(["calendar", "add-working-days", "2025-12-31", "2"])
    #expect(result.status == 0)
    #expect(result.stdout == "2026-01-05\n")
    #expect(result.stderr.isEmpty)
    #expect(try CommandRunner.run(["calendar", "add-working-days", "2025-12-31", "1"]).stdout == "2026-01-04\n")
    #expect(try CommandRunner.run(["calendar", "add-working-days", "2026-02-13", "2"]).stdout == "2026-02-24\n")
    #expect(try CommandRunner.run(["calendar", "add-working-days", "2026-03-02", "0"]).stdout == "2026-03-02\n")
    #expect(try CommandRunner.run(["calendar", "add-working-days", "--", "2026-03-02", "-3"]).stdout == "2026-02-26\n")
  }

  @Test func addsWorkingDaysAsJSON() throws {
    let result = try CommandRunner.run(["calendar", "add-working-days", "--format", "json", "2025-09-30", "3"])
    #expect(result.status == 0)
    #expect(result.stdout == """
      {
        "date" : "2025-10-11",
        "from" : "2025-09-30",
        "workingDays" : 3
      }

      """)
  }

  @Test func answersWhetherADayIsAWorkingDay() throws {
    let cases: [(String, String)] = [
      ("2026-03-02", "yes\n"),
      ("2026-01-04", "yes 调休上班（元旦）\n"),
      ("2025-10-01", "no 国庆节、中秋节\n"),
      ("2026-02-15", "no 春节\n"),
      ("2026-03-07", "no 周末\n"),
    ]
    for (date, expected) in cases {
      let result = try CommandRunner.run(["calendar", "is-working-day", date])
      #expect(result.status == 0, "\(date)")
      #expect(result.stdout == expected, "\(date)")
      #expect(result.stderr.isEmpty, "\(date)")
    }
    #expect(try CommandRunner.run(["calendar", "is-working-day", "--lang", "en", "2026-02-28"]).stdout == "yes adjusted working day (春节)\n")
    #expect(try CommandRunner.run(["calendar", "is-working-day", "--lang", "en", "2026-03-08"]).stdout == "no weekend\n")
  }

  @Test func answersWhetherADayIsAWorkingDayAsJSON() throws {
    let result = try CommandRunner.run(["calendar", "is-working-day", "--format", "json", "2026-01-04"])
    #expect(result.status == 0)
    #expect(result.stdout == """
      {
        "date" : "2026-01-04",
        "holiday" : "元旦",
        "isWorkingDay" : true,
        "isoWeekday" : 7,
        "listed" : true
      }

      """)
  }

  @Test func countsWorkingDays() throws {
    let result = try CommandRunner.run(["calendar", "working-days", "2025-12-31", "2026-01-05"])
    #expect(result.status == 0)
    #expect(result.stdout == "2\n")
    #expect(try CommandRunner.run(["calendar", "working-days", "2024-12-31", "2025-12-31"]).stdout == "248\n")
    #expect(try CommandRunner.run(["calendar", "working-days", "2026-01-05", "2025-12-31"]).stdout == "0\n")
    let json = try CommandRunner.run(["calendar", "working-days", "--format", "json", "2025-09-30", "2025-10-31"])
    #expect(json.stdout == """
      {
        "after" : "2025-09-30",
        "through" : "2025-10-31",
        "workingDays" : 18
      }

      """)
  }

  @Test func showsAYearsScheduleAndItsSource() throws {
    let result = try CommandRunner.run(["calendar", "show", "2026"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(Array(lines.prefix(9)) == [
      "2026 年节假日安排",
      "通知：国务院办公厅关于2026年部分节假日安排的通知",
      "文号：未知",
      "发布：2025-11-04",
      "网址：https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm",
      "2026-01-01 周四 休 元旦",
      "2026-01-02 周五 休 元旦",
      "2026-01-03 周六 休 元旦",
      "2026-01-04 周日 班 元旦",
    ])
    #expect(Array(lines.suffix(3)) == ["2026-10-10 周六 班 国庆节", "共列出 39 天；全年工作日 248 天", ""])
    #expect(lines.count == 5 + 39 + 2)
  }

  @Test func showsAYearInEnglishAndAsJSON() throws {
    let english = try CommandRunner.run(["calendar", "show", "--lang", "en", "2025"])
    #expect(english.status == 0)
    #expect(english.stdout.hasPrefix("""
      2025 holiday schedule
      notice: 国务院办公厅关于2025年部分节假日安排的通知
      number: 国办发明电〔2024〕12号
      published: 2024-11-12
      url: https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm
      2025-01-01 Wed off  元旦
      2025-01-26 Sun work 春节

      """))
    #expect(english.stdout.hasSuffix("2025-10-11 Sat work 国庆节、中秋节\n33 dates listed; 248 working days in 2025\n"))
    let json = try CommandRunner.run(["calendar", "show", "--format", "json", "2025"])
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["workingDays"] as? Int == 248)
    let schedule = try #require(object["schedule"] as? [String: Any])
    #expect(schedule["year"] as? Int == 2025)
    #expect((schedule["source"] as? [String: Any])?["number"] as? String == "国办发明电〔2024〕12号")
    #expect((schedule["days"] as? [[String: Any]])?.count == 33)
  }

  @Test func refuses2027WithExitTwo() throws {
    let file = Repository.data + "/calendar/2027.json"
    let runs: [[String]] = [
      ["calendar", "add-working-days", "2026-12-31", "1"],
      ["calendar", "is-working-day", "2027-01-04"],
      ["calendar", "working-days", "2027-01-04", "2027-01-05"],
      ["calendar", "show", "2027"],
    ]
    for arguments in runs {
      let result = try CommandRunner.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
      #expect(result.stderr == "onewindow: 错误：2027 年的节假日安排尚未发布，不推算该年的工作日（国务院通知发布后，添加 \(file)）\n", "\(arguments)")
    }
    let english = try CommandRunner.run(["calendar", "is-working-day", "--lang", "en", "2027-01-04"])
    #expect(english.status == 2)
    #expect(english.stderr == "onewindow: error: no holiday schedule is published for 2027; working days in 2027 are not guessed (add \(file) once the State Council notice is out)\n")
    // Late-December days wait for the 2027 notice too (issue 12, fault 9): the 2019 notice made
    // 2018-12-29 a working day, so 2026's file alone does not settle them.
    let late = try CommandRunner.run(["calendar", "add-working-days", "2026-12-30", "1"])
    #expect(late.status == 2)
    #expect(late.stderr == "onewindow: 错误：2026-12-31 在 12 月 20 日之后，2027 年的放假安排可能调整这一天，该安排尚未发布，不作推算（国务院通知发布后，添加 \(file)）\n")
    #expect(try CommandRunner.run(["calendar", "add-working-days", "2026-12-17", "1"]).stdout == "2026-12-18\n")
  }

  @Test func rejectsBadArgumentsWithExitSixtyFour() throws {
    let badDate = try CommandRunner.run(["calendar", "is-working-day", "2026-02-30"])
    #expect(badDate.status == 64)
    #expect(badDate.stdout.isEmpty)
    #expect(badDate.stderr.hasPrefix("错误：值 '2026-02-30' 不适用于 '<date>'\n"))
    let badCount = try CommandRunner.run(["calendar", "add-working-days", "2026-03-02", "two"])
    #expect(badCount.status == 64)
    #expect(badCount.stderr.hasPrefix("错误：值 'two' 不适用于 '<count>'\n"))
    let badYear = try CommandRunner.run(["calendar", "show", "0"], environment: ["ONEWINDOW_LANG": "en"])
    #expect(badYear.status == 64)
    #expect(badYear.stderr.hasPrefix("Error: The year must be between 1 and 9999.\n"))
    #expect(try CommandRunner.run(["calendar", "working-days", "2026-03-02"]).status == 64)
    #expect(try CommandRunner.run(["calendar", "frobnicate"]).status == 64)
  }

  @Test func refusesABrokenCalendarFileWithExitTwo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-cli-calendar-\(UUID())")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("calendar"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("calendar/2026.json")
    try Data("""
      {"year": 2026, "source": {"title": "t", "url": "u", "published": "2025-11-04"},
       "days": [{"name": "元旦", "date": "2026-01-05", "isOffDay": false}]}
      """.utf8).write(to: file)
    let result = try CommandRunner.run(["calendar", "is-working-day", "--data", folder.path, "2026-01-05"], environment: ["ONEWINDOW_LANG": "en"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "onewindow: error: cannot read '\(file.path)': date '2026-01-05' is a weekday but is listed as a 调休 working day (isOffDay false); only a Saturday or Sunday can be\n")
  }
}
