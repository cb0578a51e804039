public import ArgumentParser
import OneWindowKit

/// Report formats the CLI can print.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}

extension Language: ExpressibleByArgument {}

/// `--format` and `--lang`, shared by the commands that print reports.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: "Report format: text or json.")
  var format: ReportFormat = .text

  @Option(name: .long, help: "Message language: zh (default) or en.")
  var lang: Language = .zh
}

/// Where schemas and data files come from.
struct ResourceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Schemas folder (default: $ONEWINDOW_SCHEMAS, then ../share/onewindow/Schemas beside the binary, then the package's Schemas/)."
  )
  var schemas: String?
}
