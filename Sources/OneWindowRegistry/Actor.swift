public import Foundation
public import OneWindowCore
import OneWindowValidation

/// Who performs an operation: a clerk (staff number), an owner (USCC or ID number), an
/// applicant, or the system itself.
public enum Actor: Sendable, Hashable, Codable, CustomStringConvertible {
  case clerk(String)
  case owner(String)
  case applicant(String)
  case system

  public var role: ActorRole {
    switch self {
    case .clerk: .clerk
    case .owner: .owner
    case .applicant: .applicant
    case .system: .system
    }
  }

  public var id: String {
    switch self {
    case .clerk(let id), .owner(let id), .applicant(let id): id
    case .system: "onewindow"
    }
  }

  public var description: String { "\(role.rawValue.lowercased()) \(id)" }
}

/// The date and time operations are stamped with. Replays use a fixed clock.
public struct RegistryClock: Sendable, Hashable {
  /// The reference date ("today").
  public var today: CivilDate
  /// The time written on receipts and audit events (ISO 8601 with zone).
  public var now: String

  public init(today: CivilDate, now: String) {
    self.today = today
    self.now = now
  }

  /// A fixed clock at 09:00 Beijing time on `date`.
  public static func fixed(_ date: CivilDate) -> RegistryClock {
    RegistryClock(today: date, now: "\(date)T09:00:00+08:00")
  }

  /// The clock now: today and the time in Beijing (UTC+8).
  public static func current(now: Date = Date()) -> RegistryClock {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
    let parts = calendar.dateComponents([.hour, .minute, .second], from: now)
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
    let today = CivilDate.today(now: now)
    return RegistryClock(today: today, now: "\(today)T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))+08:00")
  }
}
