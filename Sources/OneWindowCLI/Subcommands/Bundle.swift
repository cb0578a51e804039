import ArgumentParser

extension OneWindowCommand {
  struct Bundle: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The restaurant one-thing bundle (开办餐饮店“一件事”).",
      discussion: """
        One application for both the business licence (营业执照) and the food business licence
        (食品经营许可证), reviewed in parallel. `split` turns an opening bundle into the two per-track
        applications; `assemble` turns two applications back into one bundle and reports every
        inconsistency between them.
        """,
      subcommands: [Split.self, Assemble.self])
  }
}
