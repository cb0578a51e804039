public import Foundation
public import OneWindowCore

/// Reads `Data/policy.json`.
enum PolicyLoader {
  static func load(dataFolder: String) throws(OneWindowError) -> Policy {
    let path = dataFolder + "/policy.json"
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path: path, reason: "no policy file")
    }
    do {
      return try JSONDecoder().decode(Policy.self, from: data)
    } catch {
      throw .unreadable(path: path, reason: "not a valid policy file: \(error)")
    }
  }
}

extension CivilDate {
  /// Today in Asia/Shanghai, the bureau's time zone.
  public static func today(now: Date = Date()) -> CivilDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: now)
    return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CivilDate(dayNumber: 0)
  }
}
