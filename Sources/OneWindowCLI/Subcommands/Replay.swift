import ArgumentParser
import Foundation
import OneWindowKit
import OneWindowServer

extension OneWindowCommand {
  struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "replay",
      abstract: L("回放场景，逐步比对实际结果与预期。", "Replay scenarios and compare every step with what it should give."),
      discussion: L(
        """
        PATH 为场景文件，或递归查找根元素为 ReplayScenario 的 *.xml 的
        文件夹（旁边的数据包跳过）。每个场景在全新的内存登记库中运行，每步
        使用固定时钟；除 --junit 外不写入任何内容。

        --server URL --token T 通过以 `onewindow serve --replay-token T`
        （本机回环）启动的服务运行每个场景，各用一个临时登记库，结果须与
        本进程内回放相同。

        --compare-rules-as-of DATE 回放两遍：按各场景自己的规则集和按 DATE
        施行的规则，列出结果或检查意见有变化的步骤。

        退出码：0 每步均符合预期，1 有步骤不符，2 有场景无法读取。
        """,
        """
        PATH is a scenario file or a folder walked for *.xml files whose root is
        ReplayScenario (the packets beside them are skipped). Each scenario runs in
        a fresh in-memory registry with a fixed clock per step; nothing is written
        anywhere except --junit.

        --server URL --token T runs every scenario through a service started with
        `onewindow serve --replay-token T` (loopback), each in a throwaway registry
        of its own, and must give the same step results as the in-process replay.

        --compare-rules-as-of DATE replays everything twice, under each scenario's
        own rule set and under the rules in force on DATE, and lists the steps whose
        outcome or findings change.

        Exit codes: 0 every step as expected, 1 a step differs, 2 a scenario could
        not be read.
        """))

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Argument(help: .text("场景文件或文件夹。", "Scenario files or folders."), completion: .file(extensions: ["xml"])) var paths: [String]
    @Option(name: .long, help: .text("text（摘要及每个不符步骤的差异）或 json。", "text (a summary and a diff per failing step) or json.")) var format: Format = .text
    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }
    @Option(name: .long, help: .text("同时把 JUnit XML（每步一个测试用例）写入此文件。", "Also write JUnit XML (one test case per step) to this file."), completion: .file()) var junit: String?
    @Option(name: .long, help: .text("按此日期施行的规则回放。", "Replay under the rules in force on this date.")) var rulesAsOf: CivilDate?
    @Option(name: .long, help: .text("列出按此日期施行的规则会改变结果的步骤。", "List the steps that change under the rules in force on this date.")) var compareRulesAsOf: CivilDate?
    @Option(name: .customLong("disable"), help: .text("回放时关闭一条规则（可重复）。", "Switch a rule off for the replay (repeatable).")) var disabledRules: [String] = []
    @Option(name: .long, help: .text("通过 HTTP 对此地址上处于回放模式的服务回放。", "Replay over HTTP against a service in replay mode at this address.")) var server: String?
    @Option(name: .long, help: .text("服务的回放令牌（与 --server 同用；默认：$ONEWINDOW_REPLAY_TOKEN）。", "The service's replay token (with --server; default: $ONEWINDOW_REPLAY_TOKEN).")) var token: String?
    @Option(
      name: .customLong("db"),
      help: .text(
        "在此 PostgreSQL 数据库（postgres://…）中回放，每个场景使用一个用后即删的新 schema；默认在内存中的 SQLite 登记库回放。",
        "Replay in this PostgreSQL database (postgres://…), each scenario in a fresh schema dropped afterwards; by default each runs in a fresh in-memory SQLite registry."))
    var postgres: String?
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        throw missingInput(path)
      }
      if server != nil, replayToken == nil { throw ValidationError(L("--server 需要 --token（或 $ONEWINDOW_REPLAY_TOKEN）。", "--server needs --token (or $ONEWINDOW_REPLAY_TOKEN).")) }
      if let postgres, !postgres.hasPrefix("postgres://") && !postgres.hasPrefix("postgresql://") {
        throw ValidationError(L("回放的 --db 须为 PostgreSQL 地址（postgres://…）。", "replay's --db takes a PostgreSQL URL (postgres://…)."))
      }
      if server != nil, postgres != nil { throw ValidationError(L("--server 与 --db 不能同用。", "--server and --db cannot be used together.")) }
      if server != nil, compareRulesAsOf != nil { throw ValidationError(L("--compare-rules-as-of 只能在本进程内运行。", "--compare-rules-as-of runs in process only.")) }
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
      let options = ReplayOptions(
        ruleSetDate: rulesAsOf, disabledRules: Set(disabledRules.map { RuleID($0) }), postgres: postgres)
      let run = await replay(oneWindow, options: options)
      if run.scenarios.isEmpty {
        Console.error(L("\(paths.joined(separator: "、")) 中没有回放场景", "no replay scenarios in \(paths.joined(separator: ", "))"))
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
          Console.error(L("无法写入 \(junit)：\(error.localizedDescription)", "cannot write \(junit): \(error.localizedDescription)"))
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
