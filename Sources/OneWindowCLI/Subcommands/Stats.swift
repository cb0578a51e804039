import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: L("公开数据：少交材料、用时与时限、按时办结比例，按服务中心和月份统计。", "The published figures: materials saved, time taken against the limit, share on time, per centre and month."),
      discussion: L(
        """
        从登记库（只读）统计：入驻登记（受理、不予受理、少交材料：该单元
        完整的住所证明材料减去申请人提交的；当场办结）和开办餐饮店一件事
        （受理、办结、在办、业务日期时超期、从受理或补正后重新提交起到发证或
        不予通过所用的工作日、对照政策对该类事项的时限、按时办结比例），
        分为合计、按事项类别、按受理服务中心（受理回执所载中心；没有时为
        "unknown"）和按受理月份。各项口径见 Documentation/CommandReference.md "The published figures"。

        --replay PATH 在本进程内回放 PATH 下的场景，各用一个临时登记库，
        并把各自的数据相加（每个登记库按其场景最后一步的日期），不读取登记库。

        退出码：0 已打印数据，1 有回放步骤不符（仍打印数据），2 无法运行
        （查找处没有登记库、场景不可读），64 用法错误。
        """,
        """
        From the registry (read only): tenant registrations (accepted, refused,
        materials saved: the full 住所 proof set for the unit minus what the tenant
        submitted; decided on the spot) and restaurant bundles (accepted, decided,
        open, overdue on the reference date, working days taken from acceptance, or
        the corrected resubmission, to issuance or rejection, against the policy's
        limit for the kind, share on time), in all, per bundle kind, per accepting
        service centre (the centre the accepting receipt names; "unknown" when none)
        and per month of acceptance. Documentation/CommandReference.md, "The published figures", defines each
        figure.

        --replay PATH replays the scenarios below PATH in process, each in a
        throwaway registry, and adds up their figures (each registry as of its
        scenario's last step date) instead of reading a registry.

        Exit codes: 0 the figures were printed, 1 a replayed step differed (the
        figures are printed anyway), 2 could not run (no registry where it looked,
        unreadable scenarios), 64 usage.
        """))

    @Option(name: .long, help: .text("回放此路径下的场景并统计其登记库，代替 --db（可重复）。", "Replay the scenarios below this path and count their registries instead of --db (repeatable)."), completion: .file(extensions: ["xml"]))
    var replay: [String] = []
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      for path in replay where !FileManager.default.fileExists(atPath: path) {
        throw missingInput(path)
      }
      if !replay.isEmpty, registry.db != nil || registry.create {
        throw ValidationError(L("--replay 统计回放场景自己的登记库；不要同时给出 --db 或 --create。", "--replay counts the replayed scenarios' own registries; give no --db or --create with it."))
      }
      if !replay.isEmpty, registry.asOf != nil {
        throw ValidationError(L("--replay 按各场景最后一步的日期统计；不要同时给出 --as-of。", "--replay counts each scenario's registry as of its last step's date; give no --as-of with it."))
      }
    }

    func run() async throws {
      let oneWindow = try resources.oneWindow()
      let statistics: RegistryStatistics
      var replayed: ReplayRun?
      if replay.isEmpty {
        let registry = try registry.openForReading(oneWindow)
        let asOf = self.registry.clock.today
        statistics = try await registryCall { () async throws(OneWindowError) in try await registry.statistics(asOf: asOf) }
      } else {
        let (run, figures) = await oneWindow.replayStatistics(replay)
        if run.scenarios.isEmpty {
          Console.error(L("\(replay.joined(separator: "、")) 中没有回放场景", "no replay scenarios in \(replay.joined(separator: ", "))"))
          throw ExitCode(2)
        }
        (replayed, statistics) = (run, figures)
      }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(statistics))
      case .json: Console.out(RegistryTextRenderer.json(statistics))
      }
      switch replayed?.outcome {
      case .couldNotRun?: throw ExitCode(2)
      case .rejected?:
        Console.error(L("有回放步骤的结果与场景预期不符：运行 onewindow replay 查看详情", "a replayed step did not give what its scenario expects: run onewindow replay for the details"))
        throw ExitCode(1)
      default: return
      }
    }
  }
}
