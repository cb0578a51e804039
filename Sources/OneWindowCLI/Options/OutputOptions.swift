public import ArgumentParser
public import OneWindowKit

/// Report formats the CLI can print.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}

extension Language: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension PreFilingStatus: ExpressibleByArgument {}
extension BundleStatus: ExpressibleByArgument {}
extension BundleKind: ExpressibleByArgument {
  /// `opening`, `change` or `cancellation` (any case).
  public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
  public static var allValueStrings: [String] { allCases.map { $0.rawValue.lowercased() } }
}
extension Track: ExpressibleByArgument {
  /// A track id of the bundle's definition, any case: `business`, `food`, `publication`…
  public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
extension InspectionResult: ExpressibleByArgument {
  /// `pass`, `pass_after_rectification` or `fail` (any case).
  public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
  public static var allValueStrings: [String] { allCases.map { $0.rawValue.lowercased() } }
}

/// `--lang`, declared once for every command that prints something a person reads.
struct LanguageOption: ParsableArguments {
  @Option(name: .long, help: .text("语言：zh（中文，默认）或 en（英文）；也可设环境变量 ONEWINDOW_LANG。", "Language: zh (Chinese, the default) or en (English); or set ONEWINDOW_LANG."))
  var lang: Language = InterfaceLanguage.current
}

/// `--min-severity`: what the text and HTML outputs print; exit codes never depend on it.
struct MinimumSeverityOption: ParsableArguments {
  @Option(
    name: .long,
    help: .text(
      "文本与 HTML 只显示不低于此级别的发现：info（默认，全部）、warning 或 error；JSON 与 XML 保留全部发现，退出码不变。",
      "Text and HTML show only findings at or above this severity: info (the default, all), warning or error; JSON and XML keep every finding, and the exit code does not change."))
  var minSeverity: Severity = .info
}

/// `--format text|json` and `--lang`, shared by the commands that print listings and reports.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: .text("输出格式：text（文本）或 json。", "Report format: text or json."))
  var format: ReportFormat = .text

  @OptionGroup var language: LanguageOption

  var lang: Language { language.lang }
}

/// Where schemas and data files come from.
struct ResourceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: .text("XSD 文件夹（默认：$ONEWINDOW_SCHEMAS，其次程序旁的 ../share/onewindow/Schemas，再次本软件包的 Schemas/）。", "Schemas folder (default: $ONEWINDOW_SCHEMAS, then ../share/onewindow/Schemas beside the binary, then the package's Schemas/).")
  , completion: .directory)
  var schemas: String?

  @Option(
    name: .long,
    help: .text("数据文件夹，含 policy.json 和节假日安排（默认：$ONEWINDOW_DATA，其次 ../share/onewindow/Data，再次本软件包的 Data/）。", "Data folder with policy.json and calendars (default: $ONEWINDOW_DATA, then ../share/onewindow/Data, then the package's Data/).")
  , completion: .directory)
  var data: String?

  @Option(
    name: .long,
    help: .text(
      "另加载此文件夹中的“一件事”定义（可重复；也可设 $ONEWINDOW_DEFINITIONS，以“:”分隔），无须新版本。",
      "Also load the bundle definitions of this folder (repeatable; or $ONEWINDOW_DEFINITIONS, separated by ':'), without a new release."),
    completion: .directory)
  var definitions: [String] = []

  /// Loads the schemas and data, or reports why not and exits 2.
  func oneWindow() throws -> OneWindow {
    do {
      return try OneWindow(schemasFolder: schemas, dataFolder: data, definitionsFolders: definitions)
    } catch {
      Console.error(error.message.text(in: InterfaceLanguage.current))
      throw ExitCode(2)
    }
  }
}

extension CivilDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(exactly: argument) }
}

/// `--as-of`, shared by every command whose rules depend on a date.
struct DateOptions: ParsableArguments {
  @Option(name: .long, help: .text("规则判断所依据的日期，YYYY-MM-DD（默认：北京时间今天）。", "The reference date, YYYY-MM-DD (default: today in Asia/Shanghai)."))
  var asOf: CivilDate?
}
