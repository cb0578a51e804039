/// One year's published holiday schedule: the State Council notice and the days it lists.
///
/// Follows the holiday-cn convention: a listed day is either a holiday or rest day
/// (`isOffDay == true`) or a 调休 working day on a weekend (`isOffDay == false`). Every date
/// the notice does not list is a working day Monday to Friday and a rest day on Saturday and
/// Sunday. The year is the notice's year, so a file may also list late-December days of the
/// year before.
public struct YearSchedule: Sendable, Hashable, Codable {
  /// The notice a schedule was taken from.
  public struct Source: Sendable, Hashable, Codable {
    /// The notice's title (国务院办公厅关于2026年部分节假日安排的通知).
    public var title: String
    /// The document number (国办发明电〔2024〕12号), when known.
    public var number: String?
    /// Where the notice is published (gov.cn).
    public var url: String
    /// The date the notice was published.
    public var published: CivilDate

    public init(title: String, number: String?, url: String, published: CivilDate) {
      self.title = title
      self.number = number
      self.url = url
      self.published = published
    }
  }

  /// A date the notice lists.
  public struct Day: Sendable, Hashable, Codable {
    /// The holiday the day belongs to (元旦, 春节, 国庆节、中秋节…), also for a 调休 working day.
    public var name: String
    public var date: CivilDate
    /// `true`: a holiday or rest day; `false`: a 调休 working day on a weekend.
    public var isOffDay: Bool

    public init(name: String, date: CivilDate, isOffDay: Bool) {
      self.name = name
      self.date = date
      self.isOffDay = isOffDay
    }
  }

  /// The notice's year.
  public var year: Int
  public var source: Source
  public var days: [Day]

  public init(year: Int, source: Source, days: [Day]) {
    self.year = year
    self.source = source
    self.days = days
  }
}

/// Why a working-day question has no answer.
public enum CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No holiday schedule is loaded for the year; the calendar refuses rather than guesses.
  case unpublished(year: Int)
  /// A date from 20 December on, which next year's notice (not yet published) may still move.
  case awaitsNextYear(date: CivilDate, year: Int)

  /// The message in Chinese and English.
  public var message: LocalizedText {
    switch self {
    case .unpublished(let year):
      LocalizedText(
        "\(year) 年的节假日安排尚未发布，不推算该年的工作日",
        "no holiday schedule is published for \(year); working days in \(year) are not guessed")
    case .awaitsNextYear(let date, let year):
      LocalizedText(
        "\(date) 在 12 月 \(WorkingCalendar.lateDecemberFrom) 日之后，\(year) 年的放假安排可能调整这一天，该安排尚未发布，不作推算",
        "\(date) is on or after \(WorkingCalendar.lateDecemberFrom) December, which the \(year) schedule (not yet published) may still change; it is not guessed")
    }
  }

  public var description: String { message.en }
}

/// Working days (工作日) under the State Council's published holiday schedules.
///
/// A date is a working day when its schedule lists it as a 调休 working day, or when it is an
/// unlisted Monday to Friday. A date whose year has no schedule throws
/// ``CalendarError/unpublished(year:)``: the calendar never guesses.
///
/// ```swift
/// let calendar = WorkingCalendar([schedule2025, schedule2026])
/// try calendar.adding(workingDays: 2, to: CivilDate("2025-12-31")!)  // 2026-01-05
/// ```
public struct WorkingCalendar: Sendable, Hashable {
  /// The schedules by year.
  public let schedules: [Int: YearSchedule]
  private let listed: [CivilDate: YearSchedule.Day]

  /// A calendar of the given schedules.
  ///
  /// A date listed by two schedules (late December in the next year's notice) takes the later
  /// notice's entry. A later schedule for the same year replaces an earlier one.
  public init(_ schedules: [YearSchedule]) {
    var byYear: [Int: YearSchedule] = [:]
    for schedule in schedules { byYear[schedule.year] = schedule }
    var listed: [CivilDate: YearSchedule.Day] = [:]
    for year in byYear.keys.sorted() {
      for day in byYear[year]?.days ?? [] { listed[day.date] = day }
    }
    self.schedules = byYear
    self.listed = listed
  }

  /// The years with a published schedule, ascending.
  public var publishedYears: [Int] { schedules.keys.sorted() }

  /// Throws unless the date is settled: its year has a schedule and, from 20 December on, next
  /// year's too (its notice may move late-December days).
  private func requirePublished(_ date: CivilDate) throws(CalendarError) {
    guard schedules[date.year] != nil else { throw .unpublished(year: date.year) }
    if date.month == 12, date.day >= Self.lateDecemberFrom, schedules[date.year + 1] == nil {
      throw .awaitsNextYear(date: date, year: date.year + 1)
    }
  }

  /// The notice's entry for a date (a holiday, a rest day or a 调休 working day), or nil when
  /// the date is not listed.
  public func listing(for date: CivilDate) throws(CalendarError) -> YearSchedule.Day? {
    try requirePublished(date)
    return listed[date]
  }

  /// The holiday a listed date belongs to (a 调休 working day too), or nil when it is not listed.
  public func holidayName(of date: CivilDate) throws(CalendarError) -> String? {
    try listing(for: date)?.name
  }

  /// Whether government offices work on the date.
  public func isWorkingDay(_ date: CivilDate) throws(CalendarError) -> Bool {
    try requirePublished(date)
    if let day = listed[date] { return !day.isOffDay }
    return !date.isWeekend
  }

  /// The `count`-th working day after `start` (the start day itself is not counted).
  ///
  /// Zero returns `start`; a negative count steps backwards. Throws when a day it has to
  /// look at lies in a year without a schedule.
  public func adding(workingDays count: Int, to start: CivilDate) throws(CalendarError) -> CivilDate {
    let step = count < 0 ? -1 : 1
    var remaining = count.magnitude
    var date = start
    while remaining > 0 {
      date = date.adding(days: step)
      if try isWorkingDay(date) { remaining -= 1 }
    }
    return date
  }

  /// The number of working days `d` with `start < d <= end`; zero when `end <= start`.
  public func workingDays(after start: CivilDate, through end: CivilDate) throws(CalendarError) -> Int {
    var count = 0
    var date = start.adding(days: 1)
    while date <= end {
      if try isWorkingDay(date) { count += 1 }
      date = date.adding(days: 1)
    }
    return count
  }

  // MARK: - Provisional counting (registry writes: never guess, never block)

  /// From this day of December on, a date counts as needing next year's notice too: the notice
  /// for a year may still move late-December days (the 2019 notice made 2018-12-29 a working day).
  public static let lateDecemberFrom = 20

  /// Whether a date's status is settled: its year's schedule is published and, from
  /// 20 December on, next year's as well.
  public func isSettled(_ date: CivilDate) -> Bool {
    guard schedules[date.year] != nil else { return false }
    if date.month == 12, date.day >= Self.lateDecemberFrom, schedules[date.year + 1] == nil { return false }
    return true
  }

  /// Whether offices work on the date as far as the published schedules say: a listed date by its
  /// listing, any other Monday to Friday. Unlike ``isWorkingDay(_:)`` it does not throw.
  private func workingAsPublished(_ date: CivilDate) -> Bool {
    if let day = listed[date] { return !day.isOffDay }
    return !date.isWeekend
  }

  /// ``adding(workingDays:to:)`` that never throws: where a day it counts is not settled
  /// (``isSettled(_:)``), it is taken as published so far (Monday to Friday) and the result is
  /// marked provisional.
  public func provisionallyAdding(workingDays count: Int, to start: CivilDate) -> (date: CivilDate, provisional: Bool) {
    let step = count < 0 ? -1 : 1
    var remaining = count.magnitude
    var date = start
    var provisional = false
    while remaining > 0 {
      date = date.adding(days: step)
      if !isSettled(date) { provisional = true }
      if workingAsPublished(date) { remaining -= 1 }
    }
    return (date, provisional)
  }

  /// ``workingDays(after:through:)`` that never throws, provisional where a day is not settled.
  public func provisionalWorkingDays(after start: CivilDate, through end: CivilDate) -> (count: Int, provisional: Bool) {
    var count = 0
    var provisional = false
    var date = start.adding(days: 1)
    while date <= end {
      if !isSettled(date) { provisional = true }
      if workingAsPublished(date) { count += 1 }
      date = date.adding(days: 1)
    }
    return (count, provisional)
  }

  /// The number of working days in a published year, as its own notice has them (late-December
  /// days that next year's notice may still move are counted as this year's notice lists them).
  public func workingDays(inYear year: Int) throws(CalendarError) -> Int {
    guard schedules[year] != nil, let first = CivilDate(year: year, month: 1, day: 1),
      let last = CivilDate(year: year, month: 12, day: 31)
    else { throw .unpublished(year: year) }
    return provisionalWorkingDays(after: first.adding(days: -1), through: last).count
  }

}
