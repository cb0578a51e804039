import ArgumentParser
import Foundation
import OneWindowKit

/// The language of everything the command prints around the findings: help, usage and tool
/// errors, listings and receipts. Fixed once at start: `--lang en` (or `--lang=en`) anywhere
/// before `--`, else `ONEWINDOW_LANG`, else Chinese.
enum InterfaceLanguage {
  /// The command line read once: the language it asks for, and the arguments without it.
  static let commandLine = split(Array(CommandLine.arguments.dropFirst()))

  static let current: Language = resolve(commandLine.language, environment: ProcessInfo.processInfo.environment)

  /// The arguments for argument-parser: without a valid `--lang zh|en` (before `--`), which is
  /// chosen already, so every command, groups included, takes it; an invalid value stays for
  /// argument-parser to report.
  static var arguments: [String] { commandLine.rest }

  /// The last valid `--lang X` or `--lang=X` before `--`, and the arguments without every valid one.
  static func split(_ arguments: [String]) -> (language: Language?, rest: [String]) {
    var chosen: Language?
    var rest: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" {
        rest += arguments[index...]
        break
      }
      if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1]) {
        chosen = language
        index += 2
        continue
      }
      if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
        chosen = language
        index += 1
        continue
      }
      rest.append(argument)
      index += 1
    }
    return (chosen, rest)
  }

  /// The language asked for on the command line, else `ONEWINDOW_LANG`, else Chinese.
  static func resolve(_ asked: Language?, environment: [String: String]) -> Language {
    if let asked { return asked }
    // `en`, `en_US.UTF-8`, `zh_CN`…: the language part decides.
    if let value = environment["ONEWINDOW_LANG"]?.lowercased(), value.hasPrefix("en") { return .en }
    return .zh
  }
}

/// The interface text in the current language.
func L(_ zh: String, _ en: String) -> String { InterfaceLanguage.current == .zh ? zh : en }

extension ArgumentHelp {
  /// Help for an option or argument in the interface language.
  static func text(_ zh: String, _ en: String) -> ArgumentHelp { ArgumentHelp(L(zh, en)) }
}
