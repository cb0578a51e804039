import ArgumentParser
import Foundation
import OneWindowKit
import OneWindowServer

extension OneWindowCommand {
  struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "replay",
      abstract: "Replay scenarios and compare every step with what it should give.",
      discussion: """
        PATH is a scenario file or a folder walked for *.xml files whose root is ReplayScenario
        (the packets beside them are skipped). Each scenario runs in a fresh in-memory registry
        with a fixed clock per step; nothing is written anywhere except --junit.

        --server URL --token T runs every scenario through a service started with
        `onewindow serve --replay-token T` (loopback), each in a throwaway registry of its own,
        and must give the same step results as the in-process replay.

        --compare-rules-as-of DATE replays everything twice, under each scenario's own rule set
        and under the rules in force on DATE, and lists the steps whose outcome or findings change.

        Exit codes: 0 every step as expected, 1 a step differs, 2 a scenario could not be read.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Argument(help: "Scenario files or folders.", completion: .file(extensions: ["xml"])) var paths: [String]
    @Option(name: .long, help: "text (a summary and a diff per failing step) or json.") var format: Format = .text
    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }
    @Option(name: .long, help: "Also write JUnit XML (one test case per step) to this file.") var junit: String?
    @Option(name: .long, help: "Replay under the rules in force on this date.") var rulesAsOf: CivilDate?
    @Option(name: .long, help: "List the steps that change under the rules in force on this date.") var compareRulesAsOf: CivilDate?
    @Option(name: .customLong("disable"), help: "Switch a rule off for the replay (repeatable).") var disabledRules: [String] = []
    @Option(name: .long, help: "Replay over HTTP against a service in replay mode at this address.") var server: String?
    @Option(name: .long, help: "The service's replay token (with --server; default: $ONEWINDOW_REPLAY_TOKEN).") var token: String?
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        throw missingInput(path)
      }
      if server != nil, replayToken == nil { throw ValidationError("--server needs --token (or $ONEWINDOW_REPLAY_TOKEN).") }
      if server != nil, compareRulesAsOf != nil { throw ValidationError("--compare-rules-as-of runs in process only.") }
    }

    var replayToken: String? { token ?? ProcessInfo.processInfo.environment["ONEWINDOW_REPLAY_TOKEN"] }

    func replay(_ oneWindow: OneWindow, options: ReplayOptions) async -> ReplayRun {
      if let server, let replayToken {
        return await HTTPReplay(server: server, token: replayToken).replay(paths, oneWindow: oneWindow, options: options)
      }
      return await oneWindow.replay(paths, options: options)
    }

    func run() async throws {
      let oneWindow = try resources.oneWindow()
      let options = ReplayOptions(ruleSetDate: rulesAsOf, disabledRules: Set(disabledRules.map { RuleID($0) }))
      let run = await replay(oneWindow, options: options)
      if run.scenarios.isEmpty {
        Console.error("no replay scenarios in \(paths.joined(separator: ", "))")
        throw ExitCode(2)
      }
      let renderer = ReplayRenderer(language: lang)
      if let compareRulesAsOf {
        var alternative = options
        alternative.ruleSetDate = compareRulesAsOf
        let impact = RuleChangeImpact(baseline: run, alternative: await oneWindow.replay(paths, options: alternative))
        switch format {
        case .text: Console.out(impact.text(language: lang))
        case .json: Console.out(RegistryTextRenderer.json(impact))
        }
        if run.outcome == .couldNotRun { throw ExitCode(2) }
        return
      }
      switch format {
      case .text: Console.out(renderer.text(run))
      case .json: Console.out(renderer.json(run))
      }
      if let junit {
        do {
          try Data(renderer.junit(run).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
        } catch {
          Console.error("cannot write \(junit): \(error.localizedDescription)")
          throw ExitCode(2)
        }
      }
      switch run.outcome {
      case .accepted: return
      case .rejected: throw ExitCode(1)
      case .couldNotRun: throw ExitCode(2)
      }
    }
  }
}
