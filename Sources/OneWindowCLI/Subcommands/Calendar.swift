import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "calendar",
      abstract: L("按国务院公布的节假日安排计算工作日。", "Working days (工作日) under the State Council's published holiday schedules."),
      discussion: L(
        """
        节假日安排为 <data>/calendar/<year>.json，每份对应一份国务院通知。
        列出的调休周末为工作日，列出的假日不是工作日，其余按周一至周五。
        没有文件的年份不予推算，直接拒绝。

        退出码：
          0   已答复（is-working-day 是与否均为 0；看标准输出）
          2   日期所在年份的安排尚未公布，或节假日文件不可读
          64  用法错误（日期、天数或年份有误）
        """,
        """
        The schedules are <data>/calendar/<year>.json, one State Council notice
        each. A listed 调休 weekend day is a working day, a listed holiday is not, and
        other days follow Monday to Friday. A year without a file is refused, not
        guessed.

        Exit codes:
          0   answered (is-working-day exits 0 for yes and for no; read stdout)
          2   a date in a year without a published schedule, or an unreadable
              calendar file
          64  usage error (a bad date, count or year)
        """),
      subcommands: [AddWorkingDays.self, IsWorkingDay.self, WorkingDays.self, Show.self])
  }
}

extension OneWindowCommand.CalendarCommand {
  struct AddWorkingDays: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-working-days",
      abstract: L("DATE 之后第 N 个工作日（不计 DATE 当天）。", "The date N working days after DATE (DATE itself is not counted)."),
      discussion: L("N 为 0 时打印 DATE。N 为负数时向前数（写在 -- 之后：-- 2026-03-02 -3）。", "0 prints DATE. A negative N counts backwards (write it after --: -- 2026-03-02 -3)."))

    @Argument(help: .text("起始日期，YYYY-MM-DD（不计入）。", "The start date, YYYY-MM-DD (not counted).")) var date: CivilDate
    @Argument(help: .text("工作日数。", "The number of working days.")) var count: Int
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    struct Answer: Encodable {
      var from: String
      var workingDays: Int
      var date: String
    }

    func run() throws {
      let loaded = try resources.workingCalendar()
      let result = try loaded.answer(output.lang) { () throws(CalendarError) in
        try loaded.calendar.adding(workingDays: count, to: date)
      }
      switch output.format {
      case .text: Console.out("\(result)\n")
      case .json:
        Console.out(RegistryTextRenderer.json(Answer(from: date.description, workingDays: count, date: result.description)))
      }
    }
  }

  struct IsWorkingDay: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "is-working-day",
      abstract: L("DATE 是否为工作日：是或否，并注明节假日或调休。", "Whether DATE is a working day: yes or no, with the holiday or the 调休 note."),
      discussion: L(
        """
        打印 `yes`、`yes 调休上班（春节）`、`no 春节` 或 `no 周末`；
        --lang en 时为 `yes adjusted working day (春节)` 和 `no weekend`。
        是与否的退出码均为 0。
        """,
        """
        Prints `yes`, `yes 调休上班（春节）`, `no 春节` or `no 周末`; with --lang en, `yes
        adjusted working day (春节)` and `no weekend`. The exit code is 0 for yes and
        for no.
        """))

    @Argument(help: .text("日期，YYYY-MM-DD。", "The date, YYYY-MM-DD.")) var date: CivilDate
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    struct Answer: Encodable {
      var date: String
      var isWorkingDay: Bool
      var isoWeekday: Int
      /// Whether the notice lists the date (a holiday, or a 调休 working day when `isWorkingDay`).
      var listed: Bool
      var holiday: String?
    }

    func run() throws {
      let loaded = try resources.workingCalendar()
      let (isWorking, listing) = try loaded.answer(output.lang) { () throws(CalendarError) in
        (try loaded.calendar.isWorkingDay(date), try loaded.calendar.listing(for: date))
      }
      let zh = output.lang == .zh
      switch output.format {
      case .text:
        var line = isWorking ? "yes" : "no"
        if let listing {
          line += isWorking ? (zh ? " 调休上班（\(listing.name)）" : " adjusted working day (\(listing.name))") : " " + listing.name
        } else if !isWorking {
          line += zh ? " 周末" : " weekend"
        }
        Console.out(line + "\n")
      case .json:
        Console.out(RegistryTextRenderer.json(Answer(
          date: date.description, isWorkingDay: isWorking, isoWeekday: date.isoWeekday,
          listed: listing != nil, holiday: listing?.name)))
      }
    }
  }

  struct WorkingDays: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "working-days",
      abstract: L("FROM 之后至 TO（含）的工作日数（TO 不晚于 FROM 时为 0）。", "The number of working days after FROM up to and including TO (0 when TO is not after FROM)."))

    @Argument(help: .text("起始日期，YYYY-MM-DD（不计入）。", "The first date, YYYY-MM-DD (not counted).")) var from: CivilDate
    @Argument(help: .text("截止日期，YYYY-MM-DD（计入）。", "The last date, YYYY-MM-DD (counted).")) var to: CivilDate
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    struct Answer: Encodable {
      var after: String
      var through: String
      var workingDays: Int
    }

    func run() throws {
      let loaded = try resources.workingCalendar()
      let count = try loaded.answer(output.lang) { () throws(CalendarError) in
        try loaded.calendar.workingDays(after: from, through: to)
      }
      switch output.format {
      case .text: Console.out("\(count)\n")
      case .json:
        Console.out(RegistryTextRenderer.json(Answer(after: from.description, through: to.description, workingDays: count)))
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: L("一年的安排：通知、列出的每个日期及工作日总数。", "A year's schedule: its notice, every listed date and the number of working days."))

    @Argument(help: .text("年份，如 2026。", "The year, such as 2026.")) var year: Int
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      guard (1...9999).contains(year) else { throw ValidationError(L("年份应在 1 至 9999 之间。", "The year must be between 1 and 9999.")) }
    }

    struct Shown: Encodable {
      var schedule: YearSchedule
      var workingDays: Int
    }

    func run() throws {
      let loaded = try resources.workingCalendar()
      let (schedule, workingDays) = try loaded.answer(output.lang) { () throws(CalendarError) in
        guard let schedule = loaded.calendar.schedules[year] else { throw .unpublished(year: year) }
        return (schedule, try loaded.calendar.workingDays(inYear: year))
      }
      switch output.format {
      case .text: Console.out(text(schedule, workingDays: workingDays, language: output.lang))
      case .json: Console.out(RegistryTextRenderer.json(Shown(schedule: schedule, workingDays: workingDays)))
      }
    }

    private func text(_ schedule: YearSchedule, workingDays: Int, language: Language) -> String {
      let zh = language == .zh
      let weekdays = zh ? ["周一", "周二", "周三", "周四", "周五", "周六", "周日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
      let source = schedule.source
      var lines = [
        zh ? "\(schedule.year) 年节假日安排" : "\(schedule.year) holiday schedule",
        (zh ? "通知：" : "notice: ") + source.title,
        (zh ? "文号：" : "number: ") + (source.number ?? (zh ? "未知" : "unknown")),
        (zh ? "发布：" : "published: ") + source.published.description,
        (zh ? "网址：" : "url: ") + source.url,
      ]
      for day in schedule.days {
        let kind = day.isOffDay ? (zh ? "休" : "off ") : (zh ? "班" : "work")
        lines.append("\(day.date) \(weekdays[day.date.isoWeekday - 1]) \(kind) \(day.name)")
      }
      lines.append(
        zh ? "共列出 \(schedule.days.count) 天；全年工作日 \(workingDays) 天"
          : "\(schedule.days.count) dates listed; \(workingDays) working days in \(schedule.year)")
      return lines.joined(separator: "\n") + "\n"
    }
  }
}

/// The calendar the commands answer from, with the folder it was read from.
struct LoadedCalendar {
  var calendar: WorkingCalendar
  var dataFolder: String

  /// Runs a question; a year without a schedule is reported on stderr and exits 2.
  func answer<T>(_ language: Language, _ question: () throws(CalendarError) -> T) throws -> T {
    do {
      return try question()
    } catch {
      var message = error.message.text(in: language)
      let year: Int
      switch error {
      case .unpublished(let missing), .awaitsNextYear(_, let missing): year = missing
      }
      let file = "\(dataFolder)/calendar/\(year).json"
      message += language == .zh ? "（国务院通知发布后，添加 \(file)）" : " (add \(file) once the State Council notice is out)"
      Console.error(message)
      throw ExitCode(2)
    }
  }
}

extension ResourceOptions {
  /// The working-day calendar of the data folder (no schemas are compiled), or the reason on
  /// stderr and exit 2.
  func workingCalendar() throws -> LoadedCalendar {
    do throws(OneWindowError) {
      let folder = try ResourceLocator.folder(.data, explicit: data)
      return LoadedCalendar(calendar: try CalendarLoader.load(dataFolder: folder), dataFolder: folder)
    } catch {
      Console.error(error.message.text(in: InterfaceLanguage.current))
      throw ExitCode(2)
    }
  }
}
