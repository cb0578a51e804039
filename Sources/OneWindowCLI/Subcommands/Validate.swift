import ArgumentParser
import Foundation
import OneWindowKit
import Synchronization

extension OneWindowCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: L("按 XSD 和业务规则检查数据包；不写入任何内容。", "Check packets against their schema and the business rules; writes nothing."),
      discussion: L(
        """
        PATH 为数据包文件、zip 数据包（根目录下的 packet.xml 及附件，在内存中
        按大小上限读取）、数据包文件夹（含 packet.xml 及附件的目录）、其他
        目录（递归查找 *.xml 和 *.zip），或 -（标准输入，XML 或 zip 字节）。
        不写入任何内容；报告输出到标准输出。给出 --db 时，按该登记库（只读
        打开）检查登记库规则（TR-001…）。
        """,
        """
        PATH is a packet file, a zip packet (packet.xml at its root plus the
        attachments, read in memory under size caps), a packet folder (a directory
        holding packet.xml and its attachments), any other directory (walked
        recursively for *.xml and *.zip), or - for standard input (XML or zip
        bytes). Nothing is written anywhere; the report goes to standard output.
        With --db, registry rules (TR-001…) are checked against that registry,
        opened read-only.
        """))

    @Argument(help: .text("数据包、文件夹，或 -（标准输入）。", "Packets, folders, or - for standard input."), completion: .packets)
    var paths: [String] = []

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
      /// A self-contained page a clerk can print.
      case html
      /// A `ValidationReport` packet.
      case xml
    }

    @Option(name: .long, help: .text("报告格式：text、json、html（可打印的网页）或 xml（ValidationReport 数据包）。", "Report format: text, json, html (a printable page) or xml (a ValidationReport packet)."))
    var format: Format = .text

    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }
    @OptionGroup var severity: MinimumSeverityOption
    @OptionGroup var resources: ResourceOptions
    @OptionGroup var dates: DateOptions

    @Option(name: .customLong("rule"), help: .text("只运行这条规则（可重复）。", "Run only this rule (repeatable)."))
    var onlyRules: [String] = []

    @Option(name: .customLong("disable"), help: .text("关闭这条规则（可重复）。", "Switch this rule off (repeatable)."))
    var disabledRules: [String] = []

    @Option(
      name: .long,
      help: .text("按此登记库检查登记库规则，只读（默认：$ONEWINDOW_DB；两者都没有时不评估）。validate 从不写入。", "Check registry rules against this registry, read-only (default: $ONEWINDOW_DB; without either, not evaluated). validate never writes."), completion: .file())
    var db: String?

    @Flag(name: .long, help: .text("警告按错误处理。", "Treat warnings as errors."))
    var strict = false

    @Option(name: .long, help: .text("并行数（默认：多个数据包时每个 CPU 核一个）。", "Parallel workers (default: one per core for many packets)."))
    var jobs: Int?

    @Option(name: .long, help: .text("可接受的最大数据包，字节。", "Largest packet accepted, in bytes."))
    var maxBytes: Int = 16 << 20

    @Option(name: .long, help: .text("可接受的最大元素嵌套层数（至多 256）。", "Deepest element nesting accepted (at most 256)."))
    var maxDepth: Int = 64

    func validate() throws {
      if paths.isEmpty {
        throw ValidationError(L("请至少给出一个数据包、文件夹，或 -（标准输入）。", "Give at least one packet, folder, or - for standard input."))
      }
      if let jobs, jobs < 1 { throw ValidationError(L("--jobs 至少为 1。", "--jobs must be at least 1.")) }
      if maxBytes < 1 { throw ValidationError(L("--max-bytes 至少为 1。", "--max-bytes must be at least 1.")) }
      if !(1...256).contains(maxDepth) {
        throw ValidationError(L("--max-depth 应在 1 至 256 之间。", "--max-depth must be between 1 and 256."))
      }
      let known = Set(RuleRegistry.catalogue.map(\.id.rawValue))
      for id in onlyRules + disabledRules where !known.contains(id) {
        throw ValidationError(L("没有规则 '\(id)'；见 `onewindow rules`。", "No rule '\(id)'; see `onewindow rules`."))
      }
    }

    func run() throws {
      // Checked here, not in validate(), so a mistyped option is reported before a path.
      for path in paths where path != "-" && !FileManager.default.fileExists(atPath: path) {
        throw missingInput(path)
      }
      let oneWindow = try resources.oneWindow()
      var sources: [PacketSource] = []
      var cannotRun = false
      let collected = PacketSourceCollector.collect(paths.filter { $0 != "-" })
      for problem in collected.problems {
        Console.error("\(TerminalText.escaped(problem.path)): \(problem.reason)")
        cannotRun = true
      }
      sources = collected.sources
      if paths.contains("-") { sources.append(.standardInput) }
      let rules = RuleSettings(
        disabled: Set(disabledRules.map { RuleID($0) }),
        only: onlyRules.isEmpty ? nil : Set(onlyRules.map { RuleID($0) }))
      var registry: Registry?
      let environmentDB = ProcessInfo.processInfo.environment["ONEWINDOW_DB"].flatMap { $0.isEmpty ? nil : $0 }
      if let db = db ?? environmentDB {
        do {
          registry = try Registry(oneWindow: oneWindow, path: db, readOnly: true)
        } catch {
          Console.error(error.message.text(in: InterfaceLanguage.current))
          throw ExitCode(2)
        }
      }
      var options = ValidationOptions(
        maxBytes: maxBytes, maxDepth: maxDepth, strict: strict,
        jobs: jobs ?? (sources.count > 1 ? ProcessInfo.processInfo.activeProcessorCount : 1),
        computeHashes: format != .text, asOf: dates.asOf ?? CivilDate.today(), rules: rules)
      options.registry = registry
      if format == .text {
        let outcome = printTextReport(oneWindow, sources: sources, options: options)
        if cannotRun || outcome == .couldNotRun { throw ExitCode(2) }
        if outcome == .rejected { throw ExitCode(1) }
        return
      }
      let run = ValidationRun(
        packets: oneWindow.validate(sources, options: options), asOf: options.asOf, strict: strict)
      switch format {
      case .text: Console.out(TextReportRenderer(language: lang, minimumSeverity: severity.minSeverity).render(run))
      case .json: Console.out(JSONReportRenderer().render(run))
      case .html:
        Console.out(HTMLReportRenderer(oneWindow: oneWindow, language: lang, minimumSeverity: severity.minSeverity).render(run))
      case .xml: Console.out(XMLReportRenderer(oneWindow: oneWindow).render(run))
      }
      for packet in run.packets where packet.outcome == .couldNotRun {
        Console.error(TerminalText.escaped(packet.failure ?? "\(packet.source): could not be checked"))
      }
      if cannotRun || run.outcome == .couldNotRun { throw ExitCode(2) }
      if run.outcome == .rejected { throw ExitCode(1) }
    }

    /// Prints the text report packet by packet as the checks finish, in the renderer's order, so
    /// no report is kept (memory stays flat on large corpora); the output is exactly
    /// `TextReportRenderer.render` of the whole run.
    private func printTextReport(
      _ oneWindow: OneWindow, sources: [PacketSource], options: ValidationOptions
    ) -> Outcome {
      let order = sources.indices.sorted { sources[$0].displayName < sources[$1].displayName }
      let renderer = TextReportRenderer(language: lang, minimumSeverity: severity.minSeverity)
      let state = Mutex<(summary: ValidationRun.Summary, text: String, failures: [(Int, String)])>(
        (ValidationRun.Summary(), "", []))
      oneWindow.validate(order.map { sources[$0] }, options: options) { index, report in
        state.withLock { state in
          state.summary.add(report)
          state.text += renderer.lines(for: report)
          if state.text.utf8.count >= 1 << 16 {
            Console.out(state.text)
            state.text = ""
          }
          if report.outcome == .couldNotRun {
            state.failures.append((order[index], TerminalText.escaped(report.failure ?? "\(report.source): could not be checked")))
          }
        }
      }
      return state.withLock { state in
        let hidden = renderer.hiddenLine(state.summary).map { $0 + "\n" } ?? ""
        Console.out(state.text + hidden + renderer.summaryLine(state.summary) + "\n")
        for (_, failure) in state.failures.sorted(by: { $0.0 < $1.0 }) { Console.error(failure) }
        return state.summary.outcome
      }
    }
  }
}
