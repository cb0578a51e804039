/// A calendar date without time or zone (the dates on licences, agreements and deadlines).
///
/// Arithmetic uses days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`), so no time zone or Foundation calendar is involved.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A checked date, or nil when the day does not exist (2026-02-29).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` (also the date part of an `xs:dateTime`); the same as the generic
  /// initialiser, without copying the bytes (the mapping parses every date of every packet).
  public init?(_ text: String) {
    var text = text
    guard let parts = text.withUTF8({ Self.parts(UnsafeBufferPointer(rebasing: $0.prefix(10))) }) else { return nil }
    self.init(year: parts.year, month: parts.month, day: parts.day)
  }

  /// Parses `YYYY-MM-DD` (also the date part of an `xs:dateTime`).
  public init?(_ text: some StringProtocol) {
    guard let parts = Array(text.utf8.prefix(10)).withUnsafeBufferPointer(Self.parts) else { return nil }
    self.init(year: parts.year, month: parts.month, day: parts.day)
  }

  /// Year, month and day of the first ten bytes of `YYYY-MM-DD`, unchecked.
  private static func parts(_ utf8: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
    guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = Int(utf8[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    return (year, month, day)
  }

  /// Parses exactly `YYYY-MM-DD` and nothing else (dates typed by people: `2026-06-01xyz` is not
  /// a date).
  public init?(exactly text: some StringProtocol) {
    guard text.utf8.count == 10 else { return nil }
    self.init(text)
  }

  /// Parses `YYYYMMDD` (the birth date inside a 居民身份证号).
  public init?(compact text: some StringProtocol) {
    guard let date = Array(text.utf8).withUnsafeBufferPointer(Self.compact) else { return nil }
    self = date
  }

  /// The date of eight ASCII digits `YYYYMMDD`, checked.
  package static func compact(_ utf8: UnsafeBufferPointer<UInt8>) -> CivilDate? {
    guard utf8.count == 8 else { return nil }
    var value = [0, 0, 0]
    for (index, range) in [0..<4, 4..<6, 6..<8].enumerated() {
      for offset in range {
        let digit = Int(utf8[offset]) - 48
        guard (0...9).contains(digit) else { return nil }
        value[index] = value[index] * 10 + digit
      }
    }
    return CivilDate(year: value[0], month: value[1], day: value[2])
  }

  /// Days since 1970-01-01.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = (month + 9) % 12
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// The same day `years` later; 29 February becomes 28 February in a common year.
  public func adding(years: Int) -> CivilDate {
    let target = year + years
    let lastDay = CivilDate.daysIn(month: month, year: target)
    return CivilDate(year: target, month: month, day: min(day, lastDay))
      ?? CivilDate(dayNumber: dayNumber + 365 * years)
  }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

  /// ISO weekday: 1 Monday … 7 Sunday.
  public var isoWeekday: Int {
    let weekday = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
    return (weekday < 0 ? weekday + 7 : weekday) + 1
  }

  public var isWeekend: Bool { isoWeekday >= 6 }

  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CivilDate(exactly: text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
