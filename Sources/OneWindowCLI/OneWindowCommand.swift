import ArgumentParser
import OneWindowKit

@main
struct OneWindowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "onewindow",
    abstract: "一窗通办 OneWindow: address pre-filing and the restaurant one-thing bundle.",
    discussion: """
      Checks XML filing packets against the OneWindow schemas and numbered business rules, keeps
      the pre-filing and bundle registry (SQLite: --db, $ONEWINDOW_DB, or the XDG data folder),
      and replays recorded scenarios. Try: onewindow replay SampleFilings

      Exit codes:
        0   every packet accepted (warnings allowed)
        1   a packet was rejected or an operation refused (or, with --strict, a warning;
            a failed audit verify; a replay step that differs)
        2   could not run (unreadable input, schema or store failure, a date outside the
            published calendars); wins over 1
        64  usage error
      """,
    version: OneWindowVersion.current,
    subcommands: [
      Validate.self, Rules.self, Prefile.self, Register.self, Bundle.self, CalendarCommand.self, Replay.self,
      Audit.self, RegistryCommand.self, Serve.self, Accounts.self, Stats.self,
    ],
    defaultSubcommand: nil
  )
}
