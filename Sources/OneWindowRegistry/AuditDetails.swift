import Foundation

/// An audit event's detail as named values, the form JSON outputs show.
///
/// The chain stores and hashes the detail as text (`receipt=RCPT-…; track=FOOD; state=…`),
/// unchanged; this reads that text:
/// - each `key=value` piece (split at `; `, the value after the first `=`) is a value under the
///   key in camelCase (`working-days` → `workingDays`); the first of two equal keys wins;
/// - the values of ``countKeys`` are numbers, every other value is text;
/// - a value ending in ` (provisional)` loses the suffix and adds `<key>Provisional: true`
///   (as does `<key>Provisional=true` in rebuilt text);
/// - a remark without a key (one of ``notes``) is `note`; any other piece without a key
///   continues the value before it (free text with `; ` in it), or is `note` when first.
public struct AuditDetails: Sendable, Hashable, Codable {
  /// One value: text, a count, or a flag.
  public enum Value: Sendable, Hashable, Codable {
    case text(String)
    case number(Int)
    case flag(Bool)

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let flag = try? container.decode(Bool.self) {
        self = .flag(flag)
      } else if let number = try? container.decode(Int.self) {
        self = .number(number)
      } else {
        self = .text(try container.decode(String.self))
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .text(let text): try container.encode(text)
      case .number(let number): try container.encode(number)
      case .flag(let flag): try container.encode(flag)
      }
    }

    /// The value as the stored text writes it.
    var text: String {
      switch self {
      case .text(let text): text
      case .number(let number): String(number)
      case .flag(let flag): flag ? "true" : "false"
      }
    }
  }

  /// Keys whose values are counts (camelCase).
  public static let countKeys: Set<String> = [
    "added", "findings", "proofs", "reasons", "retired", "rows", "units", "version", "workingDays",
  ]

  /// The remark of an objection to a simplified cancellation.
  static let simplifiedRouteEnded = "simplified route ended"
  /// The remark of a track's correction request.
  static let clockStopped = "clock stopped"
  /// Remarks the registry writes without a key.
  public static let notes: Set<String> = [simplifiedRouteEnded, clockStopped]

  public var values: [String: Value]

  public init(values: [String: Value]) { self.values = values }

  /// Reads a stored detail (see the type's description).
  public init(parsing detail: String) {
    var values: [String: Value] = [:]
    var last: String?
    func add(_ key: String, _ value: Value) {
      if values[key] == nil { values[key] = value }
    }
    for piece in detail.components(separatedBy: "; ") where !piece.isEmpty {
      if let equals = piece.firstIndex(of: "="), Self.isKey(piece[..<equals]) {
        let key = Self.camelCase(piece[..<equals])
        var text = String(piece[piece.index(after: equals)...])
        var provisional = false
        if text.hasSuffix(" (provisional)") {
          text.removeLast(" (provisional)".count)
          provisional = true
        }
        guard values[key] == nil else {
          last = nil
          continue
        }
        if Self.countKeys.contains(key), let number = Int(text), !text.hasPrefix("+") {
          add(key, .number(number))
          last = nil
        } else if key.hasSuffix("Provisional"), text == "true" {
          add(key, .flag(true))
          last = nil
        } else {
          add(key, .text(text))
          last = key
        }
        if provisional { add(key + "Provisional", .flag(true)) }
      } else if !Self.notes.contains(piece), let key = last, case .text(let text) = values[key] {
        values[key] = .text(text + "; " + piece)
      } else if case .text(let note) = values["note"] {
        values["note"] = .text(note + "; " + piece)
      } else {
        add("note", .text(piece))
      }
    }
    self.values = values
  }

  /// `key=value` pieces joined by `; ` in key order: the text a decoded entry's detail is
  /// rebuilt from (not the stored text, whose keys are not camelCase).
  public var text: String {
    values.keys.sorted().map { "\($0)=\(values[$0]!.text)" }.joined(separator: "; ")
  }

  public init(from decoder: any Decoder) throws {
    values = try decoder.singleValueContainer().decode([String: Value].self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(values)
  }

  /// ASCII letters, digits and `-`, starting with a lower-case letter (`working-days`, or
  /// `workingDays` in rebuilt text).
  static func isKey(_ text: Substring) -> Bool {
    guard let first = text.first, first.isASCII, first.isLowercase else { return false }
    return text.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
  }

  /// `objection-until` → `objectionUntil`.
  static func camelCase(_ key: Substring) -> String {
    let words = key.split(separator: "-")
    return words.enumerated().map { index, word in index == 0 ? String(word) : word.prefix(1).uppercased() + word.dropFirst() }
      .joined()
  }
}
