import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  /// Parses and runs like argument-parser's own `main`, but speaks the interface language: its
  /// help headings and parse errors are translated where their wording is known, and a mistyped
  /// subcommand gets a suggestion.
  static func main() async {
    let arguments = InterfaceLanguage.arguments
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
    ("' and '", "' 和 '"),
    ("' does not take any value, but '", "' 不接受值，但给出了 '"),
    ("The option '", "选项 '"),
    ("' was specified.", "'。"),
  ]

  static func translated(_ message: String) -> String {
    var text = message
    for (english, chinese) in phrases { text = text.replacingOccurrences(of: english, with: chinese) }
    // "(values: a, b; default: a)", wherever argument-parser broke the line.
    text = text.replacingOccurrences(of: #"\(values:[ ]?"#, with: "（可选值：", options: .regularExpression)
    text = text.replacingOccurrences(of: #"\(default:[ ]?"#, with: "（默认：", options: .regularExpression)
    text = text.replacingOccurrences(of: #"; default:[ ]?"#, with: "；默认：", options: .regularExpression)
    // "(default: zh)" → "（默认：zh）": close what was opened in full width.
    text = closeFullWidthParentheses(text)
    text = text.replacingOccurrences(of: #"(是否想输入 '[^']+')\?"#, with: "$1？", options: .regularExpression)
    if let range = text.range(of: #"See '([^']+)' for more information\."#, options: .regularExpression) {
      let command = text[range].dropFirst("See '".count).dropLast("' for more information.".count)
      text.replaceSubrange(range, with: "详见 '\(command)'。")
    }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalWidth.wrapped(String($0)) }
      .joined(separator: "\n")
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

/// Lines that fit 80 terminal columns when Chinese characters take two: argument-parser wraps at
/// spaces and counts characters, so Chinese help runs long.
enum TerminalWidth {
  static let columns = 80
  /// Where an option's help text starts in argument-parser's layout.
  static let helpColumn = 26

  static func width(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6:
      return 2
    default: return 1
    }
  }

  static func width(of text: some StringProtocol) -> Int { text.reduce(0) { $0 + width(of: $1) } }

  /// Punctuation a line must not start with.
  static let closing: Set<Character> = ["，", "。", "；", "：", "、", "）", "」", "”", "？", "！", ")", ",", ".", ";", ":"]

  /// The line, broken before 80 columns at a space or between Chinese characters; continuation
  /// lines are indented like argument-parser's (the help column for option lines).
  static func wrapped(_ line: String) -> String {
    guard width(of: line) > columns else { return line }
    let leading = line.prefix { $0 == " " }.count
    let isOptionLine = leading == 2 && line.count > helpColumn
      && line[line.index(line.startIndex, offsetBy: helpColumn - 2)..<line.index(line.startIndex, offsetBy: helpColumn)] == "  "
    let indent = String(repeating: " ", count: isOptionLine ? helpColumn : leading)
    // Units that are never split: a run of non-space, non-wide characters, or one wide character
    // with the closing punctuation that follows it.
    var units: [String] = []
    var current = ""
    for character in line {
      if character == " " {
        if !current.isEmpty { units.append(current) }
        units.append(" ")
        current = ""
      } else if width(of: character) == 2 || closing.contains(character) {
        if closing.contains(character) {
          current.append(character)
        } else {
          if !current.isEmpty { units.append(current) }
          current = String(character)
        }
      } else {
        if let last = current.last, width(of: last) == 2 || closing.contains(last) {
          units.append(current)
          current = ""
        }
        current.append(character)
      }
    }
    if !current.isEmpty { units.append(current) }
    var lines: [String] = []
    var row = ""
    for unit in units {
      if width(of: row) + width(of: unit) > columns, !row.trimmingCharacters(in: .whitespaces).isEmpty {
        lines.append(String(row.reversed().drop { $0 == " " }.reversed()))
        row = indent
        if unit == " " { continue }
      }
      row += unit
    }
    if !row.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(row) }
    return lines.joined(separator: "\n")
  }
}
