import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  /// Parses and runs like argument-parser's own `main`, but speaks the interface language: its
  /// help headings and parse errors are translated where their wording is known, and a mistyped
  /// subcommand gets a suggestion.
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      var message = fullMessage(for: error)
      if code == .success, message == configuration.version {
        // `--version`: argument-parser answers with the bare version string; print every version
        // that decides a packet's findings instead (gathered only now, so other commands pay nothing).
        let text = VersionRenderer.text(VersionInfo.current(), language: InterfaceLanguage.current)
        FileHandle.standardOutput.write(Data(text.utf8))
        Foundation.exit(0)
      }
      if code != .success,
        let (word, suggestion) = SubcommandSuggestion.suggestion(for: arguments, root: OneWindowCommand.self),
        message.contains("'\(word)'")
      {
        message = suggestion + "\n" + message
      }
      if InterfaceLanguage.current == .zh {
        message =
          GeneratedOutput.isRequested(by: arguments)
          ? GeneratedOutput.translated(message) : ParserMessages.translated(message)
      }
      if !message.isEmpty {
        let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
      }
      Foundation.exit(code.rawValue)
    }
  }
}

/// What argument-parser generates for tools rather than for reading: completion scripts and the
/// `--experimental-dump-help` JSON (from which `scripts/install.sh` makes the man pages). Only its
/// two built-in flag descriptions are translated; the rest of the help in them is already in the
/// interface language, and the message rewriting (parentheses, wording) must not touch shell code.
enum GeneratedOutput {
  static func isRequested(by arguments: [String]) -> Bool {
    arguments.contains {
      $0 == "--generate-completion-script" || $0.hasPrefix("--generate-completion-script=")
        || $0 == "--experimental-dump-help" || $0.hasPrefix("---completion")
    }
  }

  static func translated(_ text: String) -> String {
    text.replacingOccurrences(of: "Show help information.", with: "显示帮助信息。")
      .replacingOccurrences(of: "Show the version.", with: "显示版本信息。")
  }
}

/// argument-parser's own English, in Chinese. Only its fixed phrases are replaced; the values
/// and names inside them stay as typed.
enum ParserMessages {
  static let phrases: [(String, String)] = [
    ("OVERVIEW: ", "概述："),
    ("USAGE: ", "用法："),
    ("Usage: ", "用法："),
    ("ARGUMENTS:", "参数："),
    ("OPTIONS:", "选项："),
    ("SUBCOMMANDS:", "子命令："),
    ("Help:  ", "帮助："),
    ("Error: ", "错误："),
    ("Show help information.", "显示帮助信息。"),
    ("Show the version.", "显示版本信息。"),
    ("(default: ", "（默认："),
    ("(values: ", "（可选值："),
    ("; default: ", "；默认："),
    ("Unknown option '", "未知选项 '"),
    (". Did you mean '", "。是否想输入 '"),
    ("Missing expected argument '", "缺少必需的参数 '"),
    ("Missing one of: '", "缺少以下之一：'"),
    ("Missing value for '", "缺少选项的值 '"),
    ("Unexpected argument '", "多余的参数 '"),
    (" unexpected arguments: '", " 个多余的参数：'"),
    ("Missing required subcommand.", "缺少子命令。"),
    ("The value '", "值 '"),
    ("' is invalid for '", "' 不适用于 '"),
    (". Please provide one of the following:", "。可选值如下："),
    (". Please provide one of ", "。可选值："),
    ("' or '", "' 或 '"),
    ("' does not take any value, but '", "' 不接受值，但给出了 '"),
    ("The option '", "选项 '"),
    ("' was specified.", "'。"),
  ]

  static func translated(_ message: String) -> String {
    var text = message
    for (english, chinese) in phrases { text = text.replacingOccurrences(of: english, with: chinese) }
    // "(default: zh)" → "（默认：zh）": close what was opened in full width.
    text = closeFullWidthParentheses(text)
    text = text.replacingOccurrences(of: #"(是否想输入 '[^']+')\?"#, with: "$1？", options: .regularExpression)
    if let range = text.range(of: #"See '([^']+)' for more information\."#, options: .regularExpression) {
      let command = text[range].dropFirst("See '".count).dropLast("' for more information.".count)
      text.replaceSubrange(range, with: "详见 '\(command)'。")
    }
    return text
  }

  /// Replaces the `)` that closes each `（默认：` or `（可选值：` with `）`.
  private static func closeFullWidthParentheses(_ text: String) -> String {
    var result = ""
    var open = 0
    for character in text {
      if character == "（" { open += 1 }
      if character == ")" && open > 0 {
        open -= 1
        result.append("）")
        continue
      }
      result.append(character)
    }
    return result
  }
}

/// "Did you mean" for a word that is not a subcommand where one is expected.
enum SubcommandSuggestion {
  /// The first word that is not a subcommand where one is expected, and what to say about it.
  static func suggestion(for arguments: [String], root: any ParsableCommand.Type) -> (String, String)? {
    var command = root
    for argument in arguments where !argument.hasPrefix("-") {
      let subcommands = command.configuration.subcommands
      if subcommands.isEmpty { return nil }
      if let next = subcommands.first(where: { name(of: $0) == argument }) {
        command = next
        continue
      }
      let names = subcommands.map(name(of:))
      let best = names.map { ($0, distance($0, argument)) }.min { $0.1 < $1.1 }
      guard let best, best.1 <= max(2, argument.count / 3) else {
        return (argument, L("没有子命令 '\(argument)'。", "No subcommand '\(argument)'."))
      }
      return (argument, L("没有子命令 '\(argument)'，是否想输入 '\(best.0)'？", "No subcommand '\(argument)'. Did you mean '\(best.0)'?"))
    }
    return nil
  }

  static func name(of command: any ParsableCommand.Type) -> String {
    command.configuration.commandName ?? String(describing: command).lowercased()
  }

  /// Levenshtein distance over characters.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
