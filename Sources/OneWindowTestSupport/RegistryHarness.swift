import Foundation
import OneWindowCore
public import OneWindowKit

/// A test fixture that is not what the test expects.
public struct HarnessError: Error, CustomStringConvertible {
  public var description: String
}

/// Which store a registry test runs on; registry tests take both as their arguments.
public enum StoreBackend: String, Sendable, CaseIterable, CustomStringConvertible {
  case sqlite
  case postgres

  public var description: String { rawValue }

  /// The PostgreSQL server of this test run: `ONEWINDOW_TEST_POSTGRES`, set by `scripts/test.sh`
  /// from the throwaway cluster it starts. Tests never assume a server it did not start: without
  /// it, every PostgreSQL case fails with this explanation.
  public static func postgresURL() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["ONEWINDOW_TEST_POSTGRES"], !url.isEmpty else {
      throw HarnessError(
        description: "ONEWINDOW_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster (or start one with scripts/postgres-cluster.sh start DIR and export its URL)")
    }
    return url
  }

  /// The URL of a new, empty schema on the test run's server (a registry of its own).
  public static func freshPostgresRegistry() throws -> String {
    let url = try postgresURL()
    let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
    return url + (url.contains("?") ? "&" : "?") + "schema=" + schema
  }
}

/// A registry for a test: in memory, in a fresh temporary file (for concurrency, crash and
/// tamper tests) or in a fresh PostgreSQL schema, with the schemas compiled once per process.
public struct RegistryHarness: Sendable {
  /// Schemas and data from the repository, compiled once. A checkout whose schemas do not load
  /// cannot run any registry test, so this stops the test process with the reason.
  public static let oneWindow: OneWindow = {
    do {
      return try OneWindow(schemasFolder: Repository.schemas, dataFolder: Repository.data)
    } catch {
      fatalError("the repository's schemas do not load: \(error)")
    }
  }()

  /// The repository's schemas with one policy value changed (in a temporary data folder).
  public static func oneWindow(premisesChangeNeedsNewFoodLicence: Bool) throws -> OneWindow {
    try RuleHarness.oneWindow(editingPolicy: [(
      "\"premisesChangeNeedsNewFoodLicence\": true",
      "\"premisesChangeNeedsNewFoodLicence\": \(premisesChangeNeedsNewFoodLicence)"
    )])
  }

  /// The repository's schemas and data plus a made-up holiday schedule for `year` (a test
  /// stand-in for the State Council's notice, listing `days` as off days), in a temporary data
  /// folder: what the registry sees once a year's file is added.
  public static func oneWindow(addingScheduleFor year: Int, offDays days: [String]) throws -> OneWindow {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-data-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.data), to: folder)
    let entries = days.map { "{ \"name\": \"元旦\", \"date\": \"\($0)\", \"isOffDay\": true }" }.joined(separator: ",\n    ")
    let json = """
      {
        "year": \(year),
        "source": { "title": "test schedule for \(year)", "number": null, "url": "https://example.invalid/", "published": "\(year - 1)-11-04" },
        "days": [
          \(entries)
        ]
      }
      """
    try Data(json.utf8).write(to: folder.appendingPathComponent("calendar/\(year).json"))
    return try OneWindow(schemasFolder: Repository.schemas, dataFolder: folder.path)
  }

  public let registry: Registry
  /// The database file or PostgreSQL URL (with its schema), or nil in memory.
  public let path: String?
  public let backend: StoreBackend

  /// A fresh registry; on SQLite `onDisk` puts it in a new temporary folder (else in memory), on
  /// PostgreSQL it is a new schema of the test run's server (``StoreBackend/postgresURL``).
  public init(_ backend: StoreBackend = .sqlite, onDisk: Bool = false) throws {
    self.backend = backend
    if backend == .postgres {
      path = try StoreBackend.freshPostgresRegistry()
    } else if onDisk {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-tests-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      path = folder.appendingPathComponent("registry.sqlite").path
    } else {
      path = nil
    }
    registry = try Registry(oneWindow: Self.oneWindow, path: path, create: true)
  }

  /// A second connection to the same file (as a second process or window would have),
  /// optionally with other schemas and data.
  public func reopened(with oneWindow: OneWindow = RegistryHarness.oneWindow) throws -> Registry {
    try Registry(oneWindow: oneWindow, path: path)
  }

  /// A sample packet (path relative to the repository root), named as given.
  public static func source(_ relative: String) -> PacketSource {
    let path = Repository.path(relative)
    var isDirectory: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    var source = isDirectory.boolValue ? PacketSource(displayName: path, kind: .folder(path: path)) : PacketSourceCollector.source(file: path)
    source.displayName = relative
    return source
  }

  /// A sample packet with some text replaced (a new PacketId, another number…), in memory
  /// under the sample's name. Fails the test run when a fragment is missing.
  public static func source(_ relative: String, replacing replacements: [(String, String)]) throws -> PacketSource {
    var text = String(decoding: try Repository.bytes(relative), as: UTF8.self)
    for (old, new) in replacements {
      guard text.contains(old) else { throw HarnessError(description: "\(relative) has no \(old)") }
      text = text.replacingOccurrences(of: old, with: new)
    }
    return source(text, named: relative)
  }

  /// A packet held in memory.
  public static func source(_ text: String, named name: String) -> PacketSource {
    PacketSource(displayName: name, kind: .memory(bytes: Array(text.utf8)))
  }

  /// The fixed clock of a day, `2026-03-04` (a literal in a test: a typo stops the test process).
  public static func on(_ day: String) -> RegistryClock {
    guard let date = CivilDate(day) else { fatalError("not a date: \(day)") }
    return .fixed(date)
  }
}

/// The 太兴里 story of the sample corpus: owner, clerks, and packets in the order they happen.
public enum Taixingli {
  public static let owner = Actor.owner("91370202MA3C5Y7R9D")
  public static let number = "YBA-370202-2026-000001"
  public static let entryClerk = Actor.clerk("0232")
  public static let reviewClerk = Actor.clerk("0231")

  public static let preFiling = "SampleFilings/valid/prefiling/taixingli.xml"
  public static let addUnitU202 = "SampleFilings/valid/amendment/taixingli-add-unit.xml"
  public static let zhanqiaoU201 = "SampleFilings/valid/registration/taixingli-zhanqiao-media.xml"
  public static let haiheU201 = "SampleFilings/scenarios/taixingli-lifecycle/u201-haihe-consulting.xml"
  public static let qinyuU201 = "SampleFilings/scenarios/taixingli-lifecycle/u201-qinyu-design.xml"
  public static let shibeiU201 = "SampleFilings/scenarios/taixingli-lifecycle/u201-shibei-training.xml"
  public static let shibeiU202 = "SampleFilings/valid/registration/taixingli-u202-training-resubmitted.xml"
  public static let newCompanyU102 = "SampleFilings/valid/registration/taixingli-u102-new-company-street-centre.xml"

  /// Submitted 2026-03-02 and approved 2026-03-04 by another clerk: the receipts.
  @discardableResult
  public static func approved(in registry: Registry) async throws -> (submitted: Receipt, approved: Receipt) {
    let submitted = try await registry.submitPreFiling(
      RegistryHarness.source(preFiling), by: owner, clock: RegistryHarness.on("2026-03-02"))
    let approved = try await registry.reviewPreFiling(
      submitted.number, decision: .approve(), by: reviewClerk, clock: RegistryHarness.on("2026-03-04"))
    return (submitted, approved)
  }
}

/// 市南区天晟吉祥烤鸭店 of the sample corpus: opens in 三江里 A-1, adds 冷食类 items, closes.
public enum TianShengJiXiang {
  public static let operatorID = "370202197805122312"
  public static let sanjiangliOwner = Actor.owner("91370202MA3D8K2Q87")
  public static let sanjiangli = "SampleFilings/valid/prefiling/sanjiangli-consolidated.xml"
  public static let opening = "SampleFilings/valid/bundle/tianshengjixiang-opening.xml"
  public static let change = "SampleFilings/valid/bundle/tianshengjixiang-change-cold-food.xml"
  /// The operator's residence changes (经营者住所): the business track without a licence, the food licence re-issued.
  public static let residenceChange = "SampleFilings/valid/bundle/tianshengjixiang-change-residence.xml"
  public static let cancellation = "SampleFilings/valid/bundle/tianshengjixiang-cancellation-simplified.xml"
  /// Another opening (木滋嗒味, declared premises), for tests that need a second bundle.
  public static let muzidawei = "SampleFilings/valid/bundle/muzidawei-opening.xml"
  /// The numbers the samples were written with, before OneWindow issued real ones.
  public static let sampleUSCC = "92370202MA7HK3P289"
  public static let sampleFoodLicence = "JY23702020003187"

  /// 太兴里 (YBA-…-000001) and then 三江里 (YBA-…-000002) approved, as the opening expects.
  /// 木滋嗒味's opening as another shop of the same operator: its own 字号 (木滋 + two
  /// characters), room and `PacketId`, so one shop, one licence pair (BL-012) lets it through.
  public static func muzidaweiShop(_ index: Int) throws -> PacketSource {
    try RegistryHarness.source(muzidawei, replacing: [
      ("BD-MZDW-2026-0001", "BD-MZDW-2026-\(5000 + index)"), ("木滋嗒味", "木滋" + shopSuffix(index)),
      ("<Room>101</Room>", "<Room>\(1000 + index)</Room>"),
    ])
  }

  /// Two Chinese characters unique for `index` below 100.
  public static func shopSuffix(_ index: Int) -> String {
    let stems = Array("甲乙丙丁戊己庚辛壬癸")
    return String([stems[(index / 10) % 10], stems[index % 10]])
  }

  public static func preFiled(in registry: Registry) async throws {
    try await Taixingli.approved(in: registry)
    let submitted = try await registry.submitPreFiling(
      RegistryHarness.source(sanjiangli), by: sanjiangliOwner, clock: RegistryHarness.on("2026-03-10"))
    _ = try await registry.reviewPreFiling(
      submitted.number, decision: .approve(), by: Taixingli.reviewClerk, clock: RegistryHarness.on("2026-03-12"))
  }

  /// A later packet of the story with the numbers OneWindow actually issued (and other edits).
  public static func source(
    _ relative: String, uscc: String, foodLicence: String, replacing more: [(String, String)] = []
  ) throws -> PacketSource {
    try RegistryHarness.source(relative, replacing: [(sampleUSCC, uscc), (sampleFoodLicence, foodLicence)] + more)
  }

  /// The `<Changes>…</Changes>` block of the 冷食类 change, as written.
  public static func changesBlock() throws -> Substring {
    let text = String(decoding: try Repository.bytes(change), as: UTF8.self)
    guard let start = text.range(of: "<Changes>"), let end = text.range(of: "</Changes>") else {
      throw HarnessError(description: "\(change) has no Changes block")
    }
    return text[start.upperBound..<end.lowerBound]
  }
}
