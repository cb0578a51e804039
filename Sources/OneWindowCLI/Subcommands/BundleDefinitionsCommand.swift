import ArgumentParser
import OneWindowKit

extension OneWindowCommand.Bundle {
  struct Definitions: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "definitions",
      abstract: L("列出“一件事”定义：审批线、部门、时限、改革前后数字；check 检查新定义。", "Bundle definitions: tracks, departments, time limits, figures; `check` checks a new one."),
      discussion: L(
        """
        定义位于 Data/bundles/，另可用 --definitions 文件夹（或 $ONEWINDOW_DEFINITIONS）
        加载，无须新版本。有定义被拒绝时列出其问题，退出码为 1。
        """,
        """
        Definitions live in Data/bundles/; --definitions DIR (or $ONEWINDOW_DEFINITIONS)
        adds a folder without a new release. Definitions refused at load are listed with
        their problems, and the exit code is then 1.
        """),
      subcommands: [ListDefinitions.self, Check.self], defaultSubcommand: ListDefinitions.self)
  }

  struct ListDefinitions: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: L("列出已加载和被拒绝的定义。", "The definitions loaded, and those refused."))

    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() throws {
      let definitions = try resources.oneWindow().bundleDefinitions
      switch output.format {
      case .text: Console.out(DefinitionRenderer(language: output.lang).render(definitions))
      case .json: Console.out(DefinitionRenderer.json(definitions))
      }
      if !definitions.refused.isEmpty { throw ExitCode(1) }
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: L("检查一份新定义：规范、各审批线 XSD、引用的规则、先后关系、决定路径、编号前缀。", "Check a new definition: schema, track schemas, named rules, cycles, decision paths, number prefixes."),
      discussion: L(
        """
        按加入已加载定义的情形检查（编号与前缀不得与之重复），逐项说明每个问题。
        退出码：0 通过；1 有问题；2 无法读取。
        """,
        """
        Checked as if added to the definitions loaded (its id and number prefixes must not
        repeat theirs); every problem is explained. Exit 0 passed, 1 problems, 2 unreadable.
        """))

    @Argument(help: .text("定义文件（XML）。", "The definition file (XML)."), completion: .file(extensions: ["xml"])) var file: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() throws {
      let oneWindow = try resources.oneWindow()
      let check = oneWindow.checkBundleDefinition(file: file, against: oneWindow.bundleDefinitions)
      switch output.format {
      case .text: Console.out(DefinitionRenderer(language: output.lang).render(check))
      case .json: Console.out(DefinitionRenderer.json(check))
      }
      if check.problems.contains(where: { $0.code == "unreadable" }) { throw ExitCode(2) }
      if !check.passed { throw ExitCode(1) }
    }
  }
}
