import ArgumentParser

extension OneWindowCommand {
  struct Bundle: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bundle",
      abstract: "The restaurant one-thing bundle (开办餐饮店“一件事”).",
      discussion: """
        One application for both the business licence (营业执照) and the food business licence
        (食品经营许可证), reviewed in parallel and issued together: `submit` accepts it with a due
        date in working days, `decide` decides one track, `issue` issues both certificates when
        both tracks are approved, `show`, `list` and `overdue` report. A simplified cancellation
        (简易注销) is pushed to the tax and other departments on acceptance: `objection` records a
        department's objection within 10 days (ending the simplified route), and `issue` completes it
        only once the period has passed. `split` turns an opening
        bundle into the two per-track applications; `assemble` turns two applications back into
        one bundle and reports every inconsistency between them.
        """,
      subcommands: [
        Submit.self, Split.self, Assemble.self, Decide.self, Objection.self, Issue.self, Show.self, List.self, Overdue.self,
      ])
  }
}
