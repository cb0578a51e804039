public import Foundation
public import OneWindowCore
import OneWindowStore
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

  /// The id as stored and compared (see ``normalized(_:)``).
  public var id: String {
    switch self {
    case .clerk(let id), .owner(let id), .applicant(let id): Self.normalized(id)
    case .system: "onewindow"
    }
  }

  /// A staff number or identity number as stored and compared: full-width forms folded to
  /// ASCII, surrounding white space dropped, letters upper-cased, so `ab-12`, `AB-12` and
  /// `ＡＢ－１２` are one clerk (four eyes cannot be dodged by case).
  public static func normalized(_ id: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in id.unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
      case 0x3000: scalars.append(" ")
      default: scalars.append(scalar)
      }
    }
    return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
  }

  public var description: String { "\(role.rawValue.lowercased()) \(id)" }
}

extension Actor {
  /// Why this actor's id cannot be right, or nil: a clerk's staff number matches the bureau's
  /// format (`pattern`, policy data); an owner's or applicant's id is a 统一社会信用代码 or an
  /// 18-character identity number (身份证, 港澳台居民居住证) with a valid check character, or a
  /// 港澳 / 台湾 travel permit number. Checked on the normalised id, before anything is stored.
  public func idProblem(staffNumberPattern pattern: String) -> LocalizedText? {
    let id = self.id
    switch self {
    case .system: return nil
    case .clerk:
      let matches = (try? Regex(pattern)).map { (try? $0.wholeMatch(in: id)) != nil } ?? false
      if matches { return nil }
      return LocalizedText(
        "工作人员编号“\(id)”格式不对：应为本局工号（如 0231），不是姓名或带空格的文字",
        "the staff number '\(id)' is malformed: give the bureau's staff number (such as 0231), not a name")
    case .owner, .applicant:
      if Self.isIdentityNumber(id) { return nil }
      let role = self.role == .owner ? LocalizedText("产权单位", "owner") : LocalizedText("申请人", "applicant")
      return LocalizedText(
        "\(role.zh)号码“\(id)”不是有效的统一社会信用代码、身份证件号码或港澳台通行证号码（请核对校验位）",
        "the \(role.en) id '\(id)' is no valid unified social credit code, identity number or travel permit number (check the last character)")
    }
  }

  /// A 统一社会信用代码 or identity number with its check character, or a travel permit number.
  static func isIdentityNumber(_ id: String) -> Bool {
    guard id.allSatisfy(\.isASCII) else { return false }
    if id.count == 18 {
      return UnifiedSocialCreditCode.hasValidCheckCharacter(id) || ResidentIdNumber.hasValidCheckCharacter(id)
    }
    let digits = { (text: Substring) in text.allSatisfy(\.isNumber) }
    if let first = id.first, first == "H" || first == "M" { return [8, 10].contains(id.count - 1) && digits(id.dropFirst()) }
    return id.count == 8 && digits(id[...])
  }
}

/// The dates and times an operation is stamped with.
///
/// Every receipt and audit event records two: the business date (and time) it applies to, and
/// the real time it was written (UTC). An official clock takes the real time from the system and
/// lets the registry check the business date: not after today (Asia/Shanghai), not before the
/// registry's last event, and marked backdated when before today. Only the library, replays and
/// tests use a fixed clock, which sets both freely.
public struct RegistryClock: Sendable, Hashable {
  /// The business date ("today" for the rules).
  public var today: CivilDate
  /// The business time written on receipts (`IssuedAt`) and audit events (ISO 8601 with zone).
  public var now: String
  /// Where the real time of writing comes from.
  public var realTime: RealTime

  /// The source of the real time.
  public enum RealTime: Sendable, Hashable {
    /// The system clock, read when the write is made.
    case system
    /// A fixed time (replays, tests), UTC ISO 8601.
    case fixed(String)
  }

  public init(today: CivilDate, now: String, realTime: RealTime? = nil) {
    self.today = today
    self.now = now
    self.realTime = realTime ?? .fixed("\(today)T01:00:00.000Z")
  }

  /// Whether the business date is checked against real time.
  public var isOfficial: Bool { realTime == .system }

  /// The real time of writing, UTC.
  public var recordedAt: String {
    switch realTime {
    case .system: RecordedTime.now()
    case .fixed(let time): time
    }
  }

  /// A fixed clock at 09:00 Beijing time on `date` (replays and tests).
  public static func fixed(_ date: CivilDate) -> RegistryClock {
    RegistryClock(today: date, now: "\(date)T09:00:00+08:00", realTime: .fixed("\(date)T01:00:00.000Z"))
  }

  /// The official clock now: today and the time in Beijing (UTC+8).
  public static func current(now: Date = Date()) -> RegistryClock {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
    let parts = calendar.dateComponents([.hour, .minute, .second], from: now)
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
    let today = CivilDate.today(now: now)
    return RegistryClock(
      today: today, now: "\(today)T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))+08:00", realTime: .system)
  }

  /// The official clock for a business date given at the window (`--as-of`): today's clock, or
  /// 09:00 on an earlier date (the registry refuses a later one).
  public static func official(asOf date: CivilDate?, now: Date = Date()) -> RegistryClock {
    let current = RegistryClock.current(now: now)
    guard let date, date != current.today else { return current }
    return RegistryClock(today: date, now: "\(date)T09:00:00+08:00", realTime: .system)
  }
}
