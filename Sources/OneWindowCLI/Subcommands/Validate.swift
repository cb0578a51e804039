import ArgumentParser
import Foundation
import OneWindowKit
import Synchronization

extension OneWindowCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Check packets against their schema and the business rules; writes nothing.",
      discussion: """
        PATH is a packet file, a zip packet (packet.xml at its root plus the attachments, read in
        memory under size caps), a packet folder (a directory holding packet.xml and its
        attachments), any other directory (walked recursively for *.xml and *.zip), or - for
        standard input (XML or zip bytes).
        Nothing is written anywhere; the report goes to standard output. With --db, registry rules
        (TR-001…) are checked against that registry, opened read-only.
        """)

    @Argument(help: "Packets, folders, or - for standard input.")
    var paths: [String] = []

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
      /// A self-contained page a clerk can print.
      case html
      /// A `ValidationReport` packet.
      case xml
    }

    @Option(name: .long, help: "Report format: text, json, html (a printable page) or xml (a ValidationReport packet).")
    var format: Format = .text

    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }
    @OptionGroup var severity: MinimumSeverityOption
    @OptionGroup var resources: ResourceOptions
    @OptionGroup var dates: DateOptions

    @Option(name: .customLong("rule"), help: "Run only this rule (repeatable).")
    var onlyRules: [String] = []

    @Option(name: .customLong("disable"), help: "Switch this rule off (repeatable).")
    var disabledRules: [String] = []

    @Option(
      name: .long,
      help: "Check registry rules against this registry, read-only (default: $ONEWINDOW_DB; without either, not evaluated). validate never writes.")
    var db: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "Parallel workers (default: one per core for many packets).")
    var jobs: Int?

    @Option(name: .long, help: "Largest packet accepted, in bytes.")
    var maxBytes: Int = 16 << 20

    @Option(name: .long, help: "Deepest element nesting accepted (at most 256).")
    var maxDepth: Int = 64

    func validate() throws {
      if paths.isEmpty {
        throw ValidationError("Give at least one packet, folder, or - for standard input.")
      }
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
      if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1.") }
      if !(1...256).contains(maxDepth) {
        throw ValidationError("--max-depth must be between 1 and 256.")
      }
      let known = Set(RuleRegistry.catalogue.map(\.id.rawValue))
      for id in onlyRules + disabledRules where !known.contains(id) {
        throw ValidationError("No rule '\(id)'; see `onewindow rules`.")
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
          Console.error(error.description)
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
