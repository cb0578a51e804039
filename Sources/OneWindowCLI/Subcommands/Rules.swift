import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rules",
      abstract: L("列出规则目录，或查看一条规则及其不通过和通过的示例。", "List the rule catalogue, or show one rule with a failing and a passing example."),
      discussion: L(
        """
        不给编号：列出全部规则，每条一行（--format text），或输出 JSON，或
        Documentation/Rules.md 的 Markdown。给出编号（如 FL-004）：完整显示
        该规则，再列出示例数据包中违反它的样本及其检查意见，以及一个通过的样本。
        """,
        """
        Without an id: every rule, one line each (--format text), as JSON, or as the
        Markdown of Documentation/Rules.md. With an id (FL-004): the rule in full,
        then the corpus sample that breaks it with the finding it gets, and a sample
        that passes.
        """))

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json, markdown
    }

    @Argument(help: .text("规则编号，如 FL-004。", "A rule id such as FL-004."))
    var id: String?

    @Option(name: .long, help: .text("text、json 或 markdown。", "text, json or markdown."))
    var format: Format = .text

    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }

    @OptionGroup var resources: ResourceOptions

    @Option(name: .long, help: .text("示例数据包所在文件夹（默认：$ONEWINDOW_SAMPLES，其次安装的或本软件包的 SampleFilings/）。", "Sample corpus for examples (default: $ONEWINDOW_SAMPLES, then the installed or package SampleFilings/)."), completion: .directory)
    var samples: String?

    func validate() throws {
      if let id, RuleCatalogue.entries(definitions: (try? resources.oneWindow())?.bundleDefinitions ?? .none)
        .first(where: { $0.rule.id.rawValue == id }) == nil
      {
        throw ValidationError(L("没有规则 '\(id)'；`onewindow rules` 列出全部规则。", "No rule '\(id)'; `onewindow rules` lists them."))
      }
    }

    func run() throws {
      let samplesFolder = try? ResourceLocator.folder(.samples, explicit: samples)
      let oneWindow = try resources.oneWindow()
      let entries = RuleCatalogue.entries(samplesFolder: samplesFolder, definitions: oneWindow.bundleDefinitions)
      guard let id else {
        switch format {
        case .text: Console.out(RuleCatalogue.text(entries, language: lang))
        case .json: Console.out(RuleCatalogue.json(entries))
        case .markdown: Console.out(RuleCatalogue.markdown(entries))
        }
        return
      }
      guard let entry = entries.first(where: { $0.rule.id.rawValue == id }) else { throw ExitCode(64) }
      if format == .json {
        Console.out(RuleCatalogue.json([entry]))
        return
      }
      Console.out(RuleCatalogue.detail(entry, language: lang))
      guard let samplesFolder else { return }
      let examples = oneWindow.examples(for: entry, samplesFolder: samplesFolder)
      let renderer = TextReportRenderer(language: lang)
      Console.out("\n" + (lang == .zh ? "不通过的示例：" : "Failing example: "))
      if let failing = examples.failing {
        Console.out(failing.source + "\n")
        for finding in failing.findings { Console.out("  " + renderer.line(for: finding) + "\n") }
      } else {
        Console.out(lang == .zh ? "（该规则需要登记库或附件，见测试）\n" : "(this rule needs a registry or attachments; see its tests)\n")
      }
      Console.out((lang == .zh ? "通过的示例：" : "Passing example: ") + (examples.passing ?? "-") + "\n")
    }
  }
}
