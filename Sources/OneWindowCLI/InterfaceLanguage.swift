import ArgumentParser
import Foundation
import OneWindowKit

/// The language of everything the command prints around the findings: help, usage and tool
/// errors, listings and receipts. Fixed once at start: `--lang en` (or `--lang=en`) anywhere
/// before `--`, else `ONEWINDOW_LANG`, else Chinese.
enum InterfaceLanguage {
  static let current: Language = resolve(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

  static func resolve(arguments: [String], environment: [String: String]) -> Language {
    var chosen: Language?
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" { break }
      if argument == "--lang", index + 1 < arguments.count {
        chosen = Language(rawValue: arguments[index + 1]) ?? chosen
        index += 2
        continue
      }
      if argument.hasPrefix("--lang=") { chosen = Language(rawValue: String(argument.dropFirst(7))) ?? chosen }
      index += 1
    }
    if let chosen { return chosen }
    // `en`, `en_US.UTF-8`, `zh_CN`…: the language part decides.
    if let value = environment["ONEWINDOW_LANG"]?.lowercased(), value.hasPrefix("en") { return .en }
    return .zh
  }
}

extension InterfaceLanguage {
  /// The arguments without a valid `--lang zh|en` (before `--`): the language is chosen already
  /// (``current``), so every command, groups included, takes it; an invalid value stays for
  /// argument-parser to report.
  static func strippingLanguage(_ arguments: [String]) -> [String] {
    var result: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" {
        result += arguments[index...]
        break
      }
      if argument == "--lang", index + 1 < arguments.count, Language(rawValue: arguments[index + 1]) != nil {
        index += 2
        continue
      }
      if argument.hasPrefix("--lang="), Language(rawValue: String(argument.dropFirst(7))) != nil {
        index += 1
        continue
      }
      result.append(argument)
      index += 1
    }
    return result
  }
}

/// The interface text in the current language.
func L(_ zh: String, _ en: String) -> String { InterfaceLanguage.current == .zh ? zh : en }

extension ArgumentHelp {
  /// Help for an option or argument in the interface language.
  static func text(_ zh: String, _ en: String) -> ArgumentHelp { ArgumentHelp(L(zh, en)) }
}
