import ArgumentParser

extension OneWindowCommand {
  struct Bundle: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bundle",
      abstract: L("开办餐饮店“一件事”。", "The restaurant one-thing bundle (开办餐饮店“一件事”)."),
      discussion: L(
        """
        一次申请，同时办理营业执照和食品经营许可证，并联审查，证照同发：
        `submit` 受理并按工作日给出承诺办结日，`decide` 对其中一项作出决定，
        两项均通过后 `issue` 同时发放两证，`show`、`list` 和 `overdue` 查询。
        简易注销在受理时推送税务等部门：`objection` 记录某部门在 10 日内
        提出的异议（终止简易程序），公示期满后 `issue` 才办结。`split`
        把开办申请拆分为两份单项申请；`assemble` 把两份申请合并回一份，
        并报告两者之间的每一处不一致。
        """,
        """
        One application for both the business licence (营业执照) and the food business
        licence (食品经营许可证), reviewed in parallel and issued together: `submit`
        accepts it with a due date in working days, `decide` decides one track,
        `issue` issues both certificates when both tracks are approved, `show`,
        `list` and `overdue` report. A simplified cancellation (简易注销) is pushed to
        the tax and other departments on acceptance: `objection` records a
        department's objection within 10 days (ending the simplified route), and
        `issue` completes it only once the period has passed. `split` turns an
        opening bundle into the two per-track applications; `assemble` turns two
        applications back into one bundle and reports every inconsistency between
        them.
        """),
      subcommands: [
        Submit.self, Split.self, Assemble.self, Decide.self, Objection.self, Issue.self, Show.self, List.self, Overdue.self,
        Definitions.self,
      ])
  }
}
