import Foundation
public import OneWindowCore

/// Reads the working-day calendars, `<data folder>/calendar/<year>.json`.
///
/// Each file is one year's State Council notice (see `Data/calendar/README.md`). A file that
/// cannot be trusted stops the load with ``OneWindowError/unreadable(path:reason:)`` naming the
/// problem. Without a `calendar` folder the calendar is empty and refuses every date.
public enum CalendarLoader {
  /// A notice may list dates of the previous year from this day of December on.
  static let lateDecemberFrom = 15

  /// Loads every `*.json` file of `<dataFolder>/calendar`.
  public static func load(dataFolder: String) throws(OneWindowError) -> WorkingCalendar {
    let folder = dataFolder + "/calendar"
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return WorkingCalendar([]) }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw .unreadable(path: folder, reason: "cannot list the calendar folder")
    }
    var schedules: [YearSchedule] = []
    for name in names.sorted() where name.hasSuffix(".json") {
      schedules.append(try schedule(path: folder + "/" + name))
    }
    return WorkingCalendar(schedules)
  }

  /// Reads and checks one year's file.
  static func schedule(path: String) throws(OneWindowError) -> YearSchedule {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path: path, reason: "cannot read the calendar file")
    }
    let schedule: YearSchedule
    do {
      schedule = try JSONDecoder().decode(YearSchedule.self, from: data)
    } catch let error as DecodingError {
      throw .unreadable(path: path, reason: "not a valid calendar file: " + describe(error))
    } catch {
      throw .unreadable(path: path, reason: "not a valid calendar file")
    }
    let fileName = URL(fileURLWithPath: path).lastPathComponent
    if let problem = problem(in: schedule, fileName: fileName) {
      throw .unreadable(path: path, reason: problem)
    }
    return schedule
  }

  /// The first thing wrong with a decoded schedule, or nil.
  static func problem(in schedule: YearSchedule, fileName: String) -> String? {
    let year = schedule.year
    guard fileName == "\(year).json" else {
      return "the file holds the year \(year) and must be named '\(year).json'"
    }
    guard !schedule.days.isEmpty else {
      return "no days are listed; add a year only once its notice is published"
    }
    var seen: Set<CivilDate> = []
    for day in schedule.days {
      guard seen.insert(day.date).inserted else { return "date '\(day.date)' is listed twice" }
      let lateDecember = day.date.year == year - 1 && day.date.month == 12
        && day.date.day >= lateDecemberFrom
      guard day.date.year == year || lateDecember else {
        return "date '\(day.date)' lies outside \(year) (only \(year - 1)-12-\(lateDecemberFrom) to \(year - 1)-12-31 may precede it)"
      }
      guard !day.name.trimmingCharacters(in: .whitespaces).isEmpty else {
        return "date '\(day.date)' has no holiday name"
      }
      guard day.isOffDay || day.date.isWeekend else {
        return "date '\(day.date)' is a weekday but is listed as a 调休 working day (isOffDay false); only a Saturday or Sunday can be"
      }
    }
    return nil
  }

  /// A short reason for a decoding failure, with the JSON path (`days[3].date`).
  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
      var text = ""
      for component in context.codingPath + (key.map { [$0] } ?? []) {
        if let index = component.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + component.stringValue
        }
      }
      return text.isEmpty ? "the top level" : "'\(text)'"
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context, key)) is missing"
    case .valueNotFound(_, let context):
      return "\(path(context)) is null"
    case .typeMismatch(let type, let context):
      return "\(path(context)) is not of type \(type)"
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty { return "not JSON" }
      return "\(path(context)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
