import ArgumentParser
import OneWindowKit

@main
struct OneWindowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "onewindow",
    abstract: L("一窗通办：住所预备案与开办餐饮店“一件事”。", "一窗通办 OneWindow: address pre-filing and the restaurant one-thing bundle."),
    discussion: L(
      """
      检查 XML 申请数据包（XSD 和编号的业务规则），保管预备案与一件事
      登记库（SQLite：--db、$ONEWINDOW_DB 或 XDG 数据文件夹），回放
      记录的场景。试一试：onewindow replay SampleFilings

      语言：默认中文；--lang en 或 ONEWINDOW_LANG=en 为英文。

      退出码：
        0   全部数据包通过（允许警告）
        1   有数据包退回或操作不予办理（或 --strict 下有警告；
            审计核验不通过；回放步骤与预期不符）
        2   无法运行（输入不可读、XSD 或登记库故障、日期超出已公布的
            节假日安排）；优先于 1
        64  用法错误
      """,
      """
      Checks XML filing packets against the OneWindow schemas and numbered
      business rules, keeps the pre-filing and bundle registry (SQLite: --db,
      $ONEWINDOW_DB, or the XDG data folder), and replays recorded scenarios.
      Try: onewindow replay SampleFilings

      Language: Chinese by default; --lang en or ONEWINDOW_LANG=en for English.

      Exit codes:
        0   every packet accepted (warnings allowed)
        1   a packet was rejected or an operation refused (or, with --strict,
            a warning; a failed audit verify; a replay step that differs)
        2   could not run (unreadable input, schema or store failure, a date
            outside the published calendars); wins over 1
        64  usage error
      """),
    version: OneWindowVersion.current,
    subcommands: [
      Validate.self, Rules.self, Prefile.self, Register.self, Bundle.self, CalendarCommand.self, Replay.self,
      Audit.self, RegistryCommand.self, Serve.self, Accounts.self, Stats.self,
    ],
    defaultSubcommand: nil
  )
}
