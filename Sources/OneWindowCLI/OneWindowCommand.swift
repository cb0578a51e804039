import ArgumentParser
import OneWindowKit

@main
struct OneWindowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "onewindow",
    abstract: "一窗通办 OneWindow: address pre-filing and the restaurant one-thing bundle.",
    discussion: """
      Checks XML filing packets against the OneWindow schemas and numbered business rules.

      Exit codes:
        0   every packet accepted (warnings allowed)
        1   a packet was rejected (or, with --strict, had a warning)
        2   could not run (unreadable input, schema or store failure)
        64  usage error
      """,
    version: OneWindowVersion.current,
    subcommands: [
      Validate.self, Rules.self, Prefile.self, Register.self, Bundle.self, CalendarCommand.self, Replay.self,
      Audit.self,
    ],
    defaultSubcommand: nil
  )
}
