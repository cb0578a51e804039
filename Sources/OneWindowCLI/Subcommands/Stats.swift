import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "The published figures: materials saved, time taken against the limit, share on time, per centre and month.",
      discussion: """
        From the registry (read only): tenant registrations (accepted, refused, materials saved:
        the full 住所 proof set for the unit minus what the tenant submitted; decided on the spot)
        and restaurant bundles (accepted, decided, open, overdue on the reference date, working
        days taken from acceptance, or the corrected resubmission, to issuance or rejection,
        against the policy's limit for the kind, share on time), in all, per bundle kind, per
        accepting service centre (the centre the accepting receipt names; "unknown" when none)
        and per month of acceptance. README, "The published figures", defines each figure.

        --replay PATH replays the scenarios below PATH in process, each in a throwaway registry,
        and adds up their figures (each registry as of its scenario's last step date) instead of
        reading a registry.

        Exit codes: 0 the figures were printed, 1 a replayed step differed (the figures are
        printed anyway), 2 could not run (no registry where it looked, unreadable scenarios),
        64 usage.
        """)

    @Option(name: .long, help: "Replay the scenarios below this path and count their registries instead of --db (repeatable).")
    var replay: [String] = []
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      for path in replay where !FileManager.default.fileExists(atPath: path) {
        throw missingInput(path)
      }
      if !replay.isEmpty, registry.db != nil || registry.create {
        throw ValidationError("--replay counts the replayed scenarios' own registries; give no --db or --create with it.")
      }
      if !replay.isEmpty, registry.asOf != nil {
        throw ValidationError("--replay counts each scenario's registry as of its last step's date; give no --as-of with it.")
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
          Console.error("no replay scenarios in \(replay.joined(separator: ", "))")
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
        Console.error("a replayed step did not give what its scenario expects: run onewindow replay for the details")
        throw ExitCode(1)
      default: return
      }
    }
  }
}
