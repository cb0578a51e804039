public import OneWindowCore

/// Why OneWindow could not run (as opposed to findings, which are results).
///
/// Every case carries what a caller needs to act on it (a path, a kind of registry failure, the
/// calendar year), not only text; ``description`` is for people.
public enum OneWindowError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A resource folder (schemas, data) was not found.
  case resourceMissing(kind: String, tried: [String])
  /// A schema did not compile.
  case schemaDidNotCompile(path: String, detail: String)
  /// A schema folder holds no entry schema.
  case noSchemas(folder: String)
  /// An input could not be read.
  case unreadable(path: String, reason: String)
  /// libxml2 could not allocate a parser.
  case parserUnavailable
  /// Two packets that should be a business and a food application of one bundle are not.
  case notAPair(String)
  /// A packet cannot be split into the two per-track applications: it is not a schema-valid
  /// `RestaurantOpening`, or an application made from it would not be schema-valid.
  case cannotSplit(String)
  /// The registry could not be opened, read or written: matched on ``RegistryFailure/kind``.
  case registry(RegistryFailure)
  /// A date outside the published working-day calendars (never guessed).
  case calendar(CalendarError)
  /// The task was cancelled before anything was written.
  case cancelled
  /// A write's business date lies after today or before the registry's last event.
  case businessDate(BusinessDateError)
  /// The acting clerk's staff number or the owner's or applicant's identity number cannot be
  /// right (format, check character): refused before anything is stored.
  case invalidActor(LocalizedText)

  /// What went wrong in Chinese and English; technical detail (a libxml2 or SQLite message)
  /// stays as it came.
  public var message: LocalizedText {
    switch self {
    case .resourceMissing(let kind, let tried):
      LocalizedText("找不到 \(kind) 文件夹；已查找：\(tried.joined(separator: "、"))", description)
    case .schemaDidNotCompile(_, let detail):
      LocalizedText("XSD 无法编译：\(detail)", description)
    case .noSchemas(let folder):
      LocalizedText("'\(folder)' 下没有入口 XSD（common/ 以外的 *.xsd）", description)
    case .unreadable(let path, let reason):
      LocalizedText("无法读取 '\(path)'：\(reason)", description)
    case .parserUnavailable:
      LocalizedText("libxml2 无法分配解析器", description)
    case .notAPair(let detail):
      LocalizedText("两份申请不能合并：\(detail)", description)
    case .cannotSplit(let detail):
      LocalizedText("不能拆分：\(detail)", description)
    case .registry(let failure):
      failure.message
    case .calendar(let error):
      error.message
    case .cancelled:
      LocalizedText("已取消，未写入任何内容", description)
    case .businessDate(let error):
      error.message
    case .invalidActor(let problem):
      problem
    }
  }

  public var description: String {
    switch self {
    case .resourceMissing(let kind, let tried):
      "cannot find the \(kind) folder; looked in: \(tried.joined(separator: ", "))"
    case .schemaDidNotCompile(_, let detail):
      detail
    case .noSchemas(let folder):
      "no entry schema (*.xsd outside common/) under '\(folder)'"
    case .unreadable(let path, let reason):
      "cannot read '\(path)': \(reason)"
    case .parserUnavailable:
      "libxml2 could not allocate a parser context"
    case .notAPair(let detail), .cannotSplit(let detail):
      detail
    case .registry(let failure):
      failure.description
    case .calendar(let error):
      error.description
    case .cancelled:
      "cancelled before anything was written"
    case .businessDate(let error):
      error.description
    case .invalidActor(let problem):
      problem.en
    }
  }
}

/// A registry failure: what kind, where, and the detail (without personal data).
public struct RegistryFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, to match on.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// No registry at the location (only `registry init` makes one).
    case missing
    /// Another process holds the registry (SQLite busy after the timeout).
    case busy
    /// Locked within this process.
    case locked
    /// A write to a registry this process may only read; reads of it succeed.
    case readOnly
    /// The registry file is damaged or not a registry.
    case corrupt
    /// The registry is from another version and has not been migrated.
    case notMigrated
    /// A constraint refused a change (for example an edit of the append-only audit log).
    case constraint
    /// The registry cannot be opened (permissions, a folder in the way).
    case cannotOpen
    /// The database server (PostgreSQL) cannot be reached or the connection was lost; the request
    /// wrote nothing.
    case unavailable
    /// What the registry holds contradicts itself (a record a step needs is missing).
    case inconsistent
    /// Anything else.
    case other
  }

  public var kind: Kind
  /// The registry's location (a path or `:memory:`).
  public var location: String
  public var detail: String

  public init(kind: Kind, location: String, detail: String) {
    self.kind = kind
    self.location = location
    self.detail = detail
  }

  public var description: String { detail }

  /// The failure in Chinese and English: a missing registry in full, the others as their kind
  /// followed by the store's own (English) detail.
  public var message: LocalizedText {
    let zh: String
    switch kind {
    case .missing where detail.contains("is an empty file"):
      zh = "\(location) 是空文件，不是登记库；请用 `onewindow registry init --db \(location)` 建立"
    case .missing where detail.hasPrefix("no registry at"):
      zh = "\(location) 处没有登记库；请用 `onewindow registry init --db \(location)` 建立"
    case .missing: zh = "找不到：\(detail)"
    case .busy: zh = "登记库正被其他进程占用，请稍后再试：\(detail)"
    case .locked: zh = "登记库已被锁定：\(detail)"
    case .readOnly: zh = "登记库以只读方式打开，不能写入：\(detail)"
    case .corrupt: zh = "登记库文件已损坏或不是登记库：\(detail)"
    case .notMigrated: zh = "登记库来自其他版本，请运行 `onewindow registry init --db \(location)` 升级：\(detail)"
    case .constraint: zh = "登记库拒绝了这项修改：\(detail)"
    case .cannotOpen: zh = "无法打开登记库（权限或路径问题）：\(detail)"
    case .unavailable: zh = "无法连接登记库数据库，本次请求没有写入任何内容，请稍后再试：\(detail)"
    case .inconsistent: zh = "登记库内容自相矛盾：\(detail)"
    case .other: zh = "登记库故障：\(detail)"
    }
    return LocalizedText(zh, detail)
  }
}

/// A write's business date (`--as-of`) that official time does not allow: nothing was written.
public struct BusinessDateError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    /// After today in Asia/Shanghai.
    case afterToday
    /// Before the business date of the registry's last event.
    case beforeLastEvent
  }

  public var kind: Kind
  /// The business date asked for.
  public var date: CivilDate
  /// Today, or the last event's business date.
  public var bound: CivilDate

  public init(kind: Kind, date: CivilDate, bound: CivilDate) {
    self.kind = kind
    self.date = date
    self.bound = bound
  }

  /// The message in Chinese and English.
  public var message: LocalizedText {
    switch kind {
    case .afterToday:
      LocalizedText(
        "业务日期 \(date) 晚于今天（\(bound)，北京时间），不能登记未来的日期",
        "the business date \(date) is after today (\(bound), Beijing time); a write cannot be dated in the future")
    case .beforeLastEvent:
      LocalizedText(
        "业务日期 \(date) 早于登记库最后一次操作的业务日期 \(bound)，不能倒签",
        "the business date \(date) is before the registry's last event (\(bound)); a write cannot go back past it")
    }
  }

  public var description: String { message.en }
}
